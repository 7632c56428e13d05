package io.github.ancmdiag.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.model.CaptureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

  @Test
  void should_parse_typed_captures_and_constraints_when_the_template_is_valid() {
    // when
    Template t = Template.parse(
        "Failed to start application '{appId:APP_ID}', ErrorCode '{hresult:HRESULT=0x8000FFFF}'.");

    // then
    assertThat(t.captureNames()).containsExactly("appId", "hresult");
    assertThat(t.captures().get(1).type()).isEqualTo(CaptureType.HRESULT);
    assertThat(t.captures().get(1).op()).isEqualTo(Template.Op.EQUALS);
    assertThat(t.constraintCount()).isEqualTo(1);
  }

  @Test
  void should_give_the_same_match_key_when_only_capture_names_and_spacing_differ() {
    // given
    Template a = Template.parse("Could not find '{file:NAME}'. Exception message:\r\n{m:TEXT}");
    Template b = Template.parse("could not  find '{other:NAME}'. Exception message: {x:TEXT}");

    // then
    assertThat(a.matchKey()).isEqualTo(b.matchKey());
  }

  @Test
  void should_cut_long_literals_into_anchors_when_a_literal_is_long() {
    // when
    Template t = Template.parse("The IIS 7.0 CoreWebEngine and W3SVC features must be installed"
        + " to use the ASP.NET Core Module.");

    // then
    assertThat(t.anchorCount()).isGreaterThan(3);
    assertThat(t.anchorChars()).isEqualTo(
        "theiis7.0corewebengineandw3svcfeaturesmustbeinstalledtousetheasp.netcoremodule."
            .length());
  }

  @Test
  void should_treat_doubled_braces_as_a_literal_brace() {
    // when
    Template t = Template.parse("literal {{brace}} here {v:INT}");

    // then
    assertThat(t.captureNames()).containsExactly("v");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "abc {x:PATH}                 | no literal run of at least 4",
      "Failed {x:PATH}{y:PATH} here | follows another capture",
      "Failed {x:PATH} {y:PATH} end | follows another capture",
      "Failed to start {x:WHATEVER} | unknown type",
      "Failed to start {x:HRESULT=zz} | not a valid HRESULT",
      "Failed to start {x:HEX=}     | empty constraint",
      "Failed to start {x:PATH      | never closed",
      "Failed to {x:PATH} and {x:PATH} | used twice",
      "Failed to start {9x:PATH}    | camelCase identifier",
  })
  void should_reject_the_template_with_a_reason_when_it_is_malformed(
      String template, String reason) {
    assertThatThrownBy(() -> Template.parse(template.strip()))
        .isInstanceOf(TemplateSyntaxException.class)
        .hasMessageContaining(reason.strip());
  }
}
