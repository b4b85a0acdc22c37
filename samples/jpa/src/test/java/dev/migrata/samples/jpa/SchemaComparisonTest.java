package dev.migrata.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate's own schema export ({@code hbm2ddl.auto = create}) into one empty database, Migrata's
 * migrations into another, both introspected and compared (checks, defaults and comments too).
 * Every difference is one README.md lists with its reason ("From JPA entities"); a new one fails
 * this test.
 */
class SchemaComparisonTest {
  @TempDir Path dir;

  // Django's join tables have an id key; Hibernate's key is the pair (and a list has none).
  // Collection tables too: Hibernate's key is the owner plus the element (or the list order).
  // A single-table subclass's NOT NULL column is nullable: Hibernate's export would refuse the
  // rows of every other class of the hierarchy.
  private static final List<String> EVERY_BACKEND_OURS =
      List.of(
          "book_tags primary key [id]",
          "shelf_books primary key [id]",
          "project_members primary key [id]",
          "employee_phones primary key [id]",
          "employee_skills primary key [id]",
          "employee_links primary key [id]",
          "person.title varchar(40)");
  private static final List<String> EVERY_BACKEND_THEIRS =
      List.of(
          "book_tags primary key [tags_id, book_id]",
          "shelf_books primary key []",
          "project_members primary key [members_id, projects_id]",
          "employee_phones primary key [owner_id, kind, number]",
          "employee_skills primary key [skills_order, employee_id]",
          "employee_links primary key [employee_id, site]",
          "person.title varchar(40) not null");

  private static final List<String> PG_OURS =
      concat(
          EVERY_BACKEND_OURS,
          List.of(
              "book_tags.id int8 not null",
              "shelf_books.id int8 not null",
              "project_members.id int8 not null",
              "employee_phones.id int8 not null",
              "employee_skills.id int8 not null",
              "employee_links.id int8 not null",
              // The identity sequences of those ids.
              "sequence book_tags_id_seq start 1 increment 1",
              "sequence shelf_books_id_seq start 1 increment 1",
              "sequence project_members_id_seq start 1 increment 1",
              "sequence employee_phones_id_seq start 1 increment 1",
              "sequence employee_skills_id_seq start 1 increment 1",
              "sequence employee_links_id_seq start 1 increment 1",
              // Django's varchar_pattern_ops "_like" index of unique and key varchar columns.
              "sick_leave index [ref]",
              "vacation index [ref]",
              "author index [email]",
              "book index [isbn]",
              "shelf index [code]",
              "tag index [label]"));
  // Hibernate checks an enum column's values; Migrata does not (Django's choices are no
  // constraint). Checks, defaults and comments the entities declare are the same on both sides.
  private static final List<String> PG_THEIRS =
      concat(
          EVERY_BACKEND_THEIRS,
          List.of(
              "book check CHECK (((format >= 0) AND (format <= 2)))",
              "book check CHECK (((status)::text = ANY ((ARRAY['DRAFT'::character varying,"
                  + " 'IN_PRINT'::character varying, 'OUT_OF_PRINT'::character"
                  + " varying])::text[])))",
              // ... and a discriminator's values and an order column's range.
              "employee_skills check CHECK ((skills_order >= 0))",
              "person check CHECK (((dtype)::text = ANY ((ARRAY['Person'::character varying,"
                  + " 'Contractor'::character varying, 'Employee'::character"
                  + " varying])::text[])))"));
  private static final List<String> MARIADB_OURS =
      concat(
          EVERY_BACKEND_OURS,
          List.of(
              "book_tags.id bigint not null",
              "shelf_books.id bigint not null",
              "project_members.id bigint not null",
              "employee_phones.id bigint not null",
              "employee_skills.id bigint not null",
              "employee_links.id bigint not null",
              // MariaDB indexes a foreign key that no key starts with.
              "book_tags index [tags_id]",
              "project_members index [members_id]",
              "employee_phones index [owner_id]",
              "employee_links index [employee_id]",
              // Django's types: smallint for an ordinal, varchar for a string enum, bool.
              "book.format smallint",
              "book.status varchar(20) not null",
              "customers.active boolean",
              "sick_leave.certified boolean not null"));
  private static final List<String> MARIADB_THEIRS =
      concat(
          EVERY_BACKEND_THEIRS,
          List.of(
              "book.format tinyint",
              "book.status enum not null",
              "customers.active bit",
              "sick_leave.certified bit not null",
              "book check `format` between 0 and 2",
              "employee_skills check `skills_order` >= 0",
              "person check `dtype` in ('Person','Contractor','Employee')"));

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @ParameterizedTest
  @EnumSource(
      value = Db.Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void migrataCreatesTheSchemaHibernateExports(Db.Kind kind) throws Exception {
    try (Db migrata = Db.create(kind, dir);
        Db hibernate = Db.create(kind, dir)) {
      migrata.configure().load().migrate();
      Hibernates.open(hibernate, "create").close();
      TreeSet<String> ours = Schema.of(migrata.url);
      TreeSet<String> theirs = Schema.of(hibernate.url);
      TreeSet<String> onlyOurs = new TreeSet<>(ours);
      onlyOurs.removeAll(theirs);
      TreeSet<String> onlyTheirs = new TreeSet<>(theirs);
      onlyTheirs.removeAll(ours);
      boolean pg = kind == Db.Kind.POSTGRES;
      assertThat(onlyOurs)
          .as("only in Migrata's schema")
          .containsExactlyInAnyOrderElementsOf(pg ? PG_OURS : MARIADB_OURS);
      assertThat(onlyTheirs)
          .as("only in Hibernate's schema")
          .containsExactlyInAnyOrderElementsOf(pg ? PG_THEIRS : MARIADB_THEIRS);
      // Names are compared where the entity gives one: the project's lead key is
      // @ForeignKey(name = "fk_project_lead") in both schemas, and its sponsor (NO_CONSTRAINT) has
      // a key in neither.
      assertThat(Schema.foreignKeyNames(migrata.url, "project"))
          .containsExactly("lead_id fk_project_lead")
          .isEqualTo(Schema.foreignKeyNames(hibernate.url, "project"));
    }
  }
}
