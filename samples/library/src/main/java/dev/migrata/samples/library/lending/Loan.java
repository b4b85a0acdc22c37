package dev.migrata.samples.library.lending;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.samples.library.catalog.Book;
import java.time.LocalDate;

@Model
public class Loan {
  @ForeignKey(onDelete = OnDelete.PROTECT)
  Book book;

  @ForeignKey(onDelete = OnDelete.CASCADE)
  Member member;

  @Field LocalDate borrowedOn;

  @Field(nullable = true)
  LocalDate returnedOn;
}
