package dev.migrata.samples.boot.jpa;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BookRepository extends JpaRepository<BookEntity, Long> {
  List<BookEntity> findByAuthorNameOrderByTitle(String authorName);
}
