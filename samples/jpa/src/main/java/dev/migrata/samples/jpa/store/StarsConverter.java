package dev.migrata.samples.jpa.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class StarsConverter implements AttributeConverter<Stars, Integer> {
  @Override
  public Integer convertToDatabaseColumn(Stars stars) {
    return stars == null ? null : stars.count();
  }

  @Override
  public Stars convertToEntityAttribute(Integer count) {
    return count == null ? null : new Stars(count);
  }
}
