package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
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

  @Test
  void should_carry_a_typed_status_and_win32_code_in_equality_hash_and_text() {
    // given
    LogRecord.Builder b = LogRecord.builder(Channel.BROWSER, "GET / - 443 500 30 0").line(7);

    // when
    LogRecord typed = b.httpStatus(HttpStatus.of(500, 30)).win32Status(0).build();
    LogRecord same = LogRecord.builder(Channel.BROWSER, "GET / - 443 500 30 0").line(7)
        .httpStatus(HttpStatus.of(500, 30)).win32Status(0).build();
    LogRecord otherCode = LogRecord.builder(Channel.BROWSER, "GET / - 443 500 30 0").line(7)
        .httpStatus(HttpStatus.of(500, 30)).win32Status(64).build();
    LogRecord untyped = LogRecord.builder(Channel.BROWSER, "GET / - 443 500 30 0").line(7).build();

    // then
    assertThat(typed.httpStatus()).contains(HttpStatus.of(500, 30));
    assertThat(typed.win32Status()).hasValue(0);
    assertThat(untyped.httpStatus()).isEmpty();
    assertThat(untyped.win32Status()).isEmpty();
    assertThat(typed).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(otherCode)
        .isNotEqualTo(untyped);
    assertThat(typed.toString()).isEqualTo("BROWSER HTTP 500.30 win32 0 \"GET / - 443 500 30 0\"");
    assertThat(untyped.toString()).isEqualTo("BROWSER \"GET / - 443 500 30 0\"");
  }

  @Test
  void should_refuse_a_win32_status_outside_32_unsigned_bits() {
    // given
    LogRecord.Builder b = LogRecord.builder(Channel.BROWSER, "x");

    // then
    assertThat(b.win32Status(4294967295L).build().win32Status()).hasValue(4294967295L);
    assertThatThrownBy(() -> b.win32Status(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> b.win32Status(4294967296L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4294967296");
  }
}
