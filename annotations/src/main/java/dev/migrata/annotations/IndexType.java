package dev.migrata.annotations;

/**
 * The access method of an {@link Index}: {@link #DEFAULT} is Django's plain {@code Index} (the
 * backend's default, a B-tree); the others are the index classes of Django's {@code
 * django.contrib.postgres.indexes} ({@code GinIndex}, ...), which exist on PostgreSQL only. On
 * other backends such an index is not created, and the processor warns when the app may run there.
 */
public enum IndexType {
  DEFAULT,
  BTREE,
  GIN,
  GIST,
  BRIN,
  HASH,
  SPGIST,
  BLOOM
}
