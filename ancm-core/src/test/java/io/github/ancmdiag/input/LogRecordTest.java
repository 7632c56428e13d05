package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The optional time, provider and level of {@link LogRecord}, added without changing the rest. */
class LogRecordTest {
  @Test
  void should_have_no_time_provider_or_level_when_not_given() {
    // when
    LogRecord record = LogRecord.of(Channel.EVENT_LOG, "text");

    // then
    assertThat(record.time()).isEmpty();
    assertThat(record.provider()).isEmpty();
    assertThat(record.level()).isEmpty();
    assertThat(record).isEqualTo(LogRecord.of(Channel.EVENT_LOG, "text"));
    assertThat(record.toString()).isEqualTo("EVENT_LOG \"text\"");
  }

  @Test
  void should_compare_the_new_fields_when_they_are_given() {
    // given
    Instant t = Instant.parse("2024-03-05T09:14:07Z");
    LogRecord.Builder b = LogRecord.builder(Channel.EVENT_LOG, "m").source("a.xml").line(3)
        .eventId(1010);

    // when
    LogRecord full = b.time(t).provider("IIS AspNetCore Module V2").level("Error").build();
    LogRecord same = LogRecord.builder(Channel.EVENT_LOG, "m").source("a.xml").line(3)
        .eventId(1010).time(t).provider("IIS AspNetCore Module V2").level("Error").build();
    LogRecord other = LogRecord.builder(Channel.EVENT_LOG, "m").source("a.xml").line(3)
        .eventId(1010).build();

    // then
    assertThat(full.time()).contains(t);
    assertThat(full).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
  }
}
