package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostingModelTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(quoteCharacter = '~', textBlock = """
      inprocess, IN_PROCESS
      InProcess, IN_PROCESS
      INPROCESS, IN_PROCESS
      In-Process, IN_PROCESS
      in process, IN_PROCESS
      outofprocess, OUT_OF_PROCESS
      OutOfProcess, OUT_OF_PROCESS
      out-of-process, OUT_OF_PROCESS
      Out_Of_Process, OUT_OF_PROCESS
      ~ inprocess ~, IN_PROCESS
      ~~, OUT_OF_PROCESS
      ~   ~, OUT_OF_PROCESS
      """)
  void should_read_the_model_when_text_names_one(String text, HostingModel expected) {
    // given
    String input = text == null ? "" : text;

    // when
    HostingModel model = HostingModel.parse(input);

    // then
    assertThat(model).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"in", "out", "inproc", "outproc", "0", "1", "2", "InProcessHandler",
      "in-process-out"})
  void should_throw_naming_the_text_when_text_names_no_model(String text) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HostingModel.parse(input))
        .withMessageContaining("'" + input + "'");
  }

  @Test
  void should_throw_npe_when_text_is_null() {
    // given / when / then
    assertThatNullPointerException().isThrownBy(() -> HostingModel.parse(null));
  }
}
