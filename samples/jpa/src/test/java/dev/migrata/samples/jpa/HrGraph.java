package dev.migrata.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.samples.jpa.hr.Asset;
import dev.migrata.samples.jpa.hr.Badge;
import dev.migrata.samples.jpa.hr.Contractor;
import dev.migrata.samples.jpa.hr.Employee;
import dev.migrata.samples.jpa.hr.Laptop;
import dev.migrata.samples.jpa.hr.Leave;
import dev.migrata.samples.jpa.hr.Monitor;
import dev.migrata.samples.jpa.hr.Person;
import dev.migrata.samples.jpa.hr.Phone;
import dev.migrata.samples.jpa.hr.Project;
import dev.migrata.samples.jpa.hr.SickLeave;
import dev.migrata.samples.jpa.hr.Vacation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;

/**
 * The hr app's object graph: one entity of each hierarchy and strategy, persisted through Hibernate
 * and read back polymorphically, so every table Migrata created is written and queried.
 */
final class HrGraph {
  static final List<Class<?>> ENTITIES =
      List.of(
          Asset.class,
          Badge.class,
          Contractor.class,
          Employee.class,
          Laptop.class,
          Leave.class,
          Monitor.class,
          Person.class,
          Project.class,
          SickLeave.class,
          Vacation.class);

  private HrGraph() {}

  /** Persists the graph and returns the employee's id. */
  static Long persist(SessionFactory hibernate) {
    return hibernate.fromTransaction(
        s -> {
          Employee ada = new Employee();
          ada.name = "Ada";
          ada.title = "Engineer";
          ada.skills.addAll(List.of("java", "sql"));
          ada.phones.add(new Phone("work", "+1 555 0100"));
          ada.links.put("git", "https://example.com/ada");
          s.persist(ada);
          Contractor bob = new Contractor();
          bob.name = "Bob";
          bob.agency = "Temps Inc";
          bob.dailyRate = new BigDecimal("450.00");
          s.persist(bob);
          Project migrata = new Project();
          migrata.name = "Migrata";
          migrata.members.add(ada);
          s.persist(migrata);
          Badge badge = new Badge();
          badge.employee = ada;
          badge.code = "B-1";
          s.persist(badge);
          Laptop laptop = new Laptop();
          laptop.label = "L-7";
          laptop.model = "T14";
          laptop.holder = ada;
          s.persist(laptop);
          Monitor monitor = new Monitor();
          monitor.label = "M-2";
          monitor.inches = 27;
          s.persist(monitor);
          SickLeave sick = new SickLeave();
          sick.ref = "S-1";
          sick.startsOn = LocalDate.of(2026, 2, 1);
          sick.employee = ada;
          sick.certified = true;
          s.persist(sick);
          Vacation vacation = new Vacation();
          vacation.ref = "V-1";
          vacation.startsOn = LocalDate.of(2026, 8, 1);
          vacation.employee = ada;
          vacation.days = 10;
          s.persist(vacation);
          return ada.id;
        });
  }

  /** Reads the graph back, each hierarchy through its root. */
  static void assertReadBack(SessionFactory hibernate, Long employeeId) {
    hibernate.inTransaction(
        s -> {
          Employee ada = (Employee) s.find(Person.class, employeeId);
          assertThat(ada.title).isEqualTo("Engineer");
          assertThat(ada.skills).containsExactly("java", "sql");
          assertThat(ada.phones).containsExactly(new Phone("work", "+1 555 0100"));
          assertThat(ada.links).containsEntry("git", "https://example.com/ada").hasSize(1);
          assertThat(ada.projects).extracting(p -> p.name).containsExactly("Migrata");
          List<Person> people =
              s.createSelectionQuery("from Person order by name", Person.class).getResultList();
          assertThat(people).hasSize(2);
          assertThat(((Contractor) people.get(1)).dailyRate).isEqualByComparingTo("450");
          assertThat(s.find(Badge.class, employeeId).code).isEqualTo("B-1");
          List<Asset> assets =
              s.createSelectionQuery("from Asset order by label", Asset.class).getResultList();
          assertThat(((Laptop) assets.get(0)).holder.name).isEqualTo("Ada");
          assertThat(((Monitor) assets.get(1)).inches).isEqualTo(27);
          List<Leave> leaves =
              s.createSelectionQuery("from Leave order by ref", Leave.class).getResultList();
          assertThat(leaves).hasSize(2);
          assertThat(((SickLeave) leaves.get(0)).certified).isTrue();
          assertThat(((Vacation) leaves.get(1)).days).isEqualTo(10);
        });
  }
}
