package io.github.ancmdiag.internal.read.ancm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StdoutLogName}: V2 names ({@code <prefix>_yyyyMMddHHmmss_<pid>.log}), V1 names ({@code
 * <prefix>_<pid>_<yMdHms>.log}, not zero-padded), renamed prefixes, and near misses.
 */
class StdoutLogNameTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // name | prefix | pid | timestamp | era | time (empty when ambiguous)
      "stdout_20240501101112_4242.log | stdout | 4242 | 20240501101112 | V2 | 2024-05-01T10:11:12",
      "app_20230119150545_1234.log | app | 1234 | 20230119150545 | V2 | 2023-01-19T15:05:45",
      "STDOUT_20231231235959_8.LOG | STDOUT | 8 | 20231231235959 | V2 | 2023-12-31T23:59:59",
      "C:\\inetpub\\wwwroot\\App\\logs\\stdout_20240611081530_3316.log | stdout | 3316 "
          + "| 20240611081530 | V2 | 2024-06-11T08:15:30",
      "logs/aspnetcore-stdout_20200229000000_77.log | aspnetcore-stdout | 77 | 20200229000000 "
          + "| V2 | 2020-02-29T00:00",
      "my_app_stdout_20240305091407_7412.log | my_app_stdout | 7412 | 20240305091407 | V2 "
          + "| 2024-03-05T09:14:07",
      "stdout_5128_20191120171241.log | stdout | 5128 | 20191120171241 | V1 | 2019-11-20T17:12:41",
      "stdout_4242_202415123.log | stdout | 4242 | 202415123 | V1 | 2024-01-05T01:02:03",
      "stdout_4242_20175913245.log | stdout | 4242 | 20175913245 | V1 | -",
      "stdout_880_2018101003.log | stdout | 880 | 2018101003 | V1 | 2018-10-01T00:00:03",
      "\\\\?\\C:\\sites\\api\\logs\\stdout_3048_201912311595.log | stdout | 3048 | 201912311595 "
          + "| V1 | -"})
  void should_read_pid_timestamp_and_era_when_the_name_is_a_stdout_log(String name,
      String prefix, long pid, String timestamp, StdoutLogName.Era era, String time) {
    // when
    Optional<StdoutLogName> parsed = StdoutLogName.parse(name);

    // then
    assertThat(StdoutLogName.isStdoutLog(name)).isTrue();
    assertThat(parsed).hasValueSatisfying(n -> {
      assertThat(n.prefix()).isEqualTo(prefix);
      assertThat(n.pid()).isEqualTo(pid);
      assertThat(n.timestamp()).isEqualTo(timestamp);
      assertThat(n.era()).isEqualTo(era);
      assertThat(n.time()).isEqualTo(Optional.ofNullable(time).map(LocalDateTime::parse));
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "stdout.log", "aspnetcore-debug.log", "stdout_20240501101112_4242.txt",
      "stdout_20240501101112_4242.log.bak", "stdout_20240501101112.log",
      "stdout_abc_4242.log", "stdout_20240501101112_.log", "stdout__4242.log",
      "stdout_20241301101112_4242.log", // month 13: neither a V2 time nor a V1 pid
      "stdout_4242_20190105010203.log", // zero-padded after the pid: V1 never pads
      "stdout_4242_19691231235959.log", // before 1970
      "stdout_1234_5678.log", "stdout_20240230101112_4242.log", // no 30 February
      "stdout_20240501101112_12345678901.log"}) // 11-digit pid
  void should_not_take_a_name_for_a_stdout_log_when_it_fits_neither_pattern(String name) {
    assertThat(StdoutLogName.parse(name)).isEmpty();
    assertThat(StdoutLogName.isStdoutLog(name)).isFalse();
  }
}
