package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
        "HTTPS://Example.COM/News/Story https://example.com/News/Story",
        "https://example.com:443/a https://example.com/a",
        "http://example.com:80 http://example.com/",
        "http://example.com:8080/a http://example.com:8080/a",
        "https://example.com/a#section https://example.com/a",
        "https://example.com/a?utm_source=x&id=3&UTM_Medium=y&fbclid=z&page=2 https://example.com/a?id=3&page=2",
        "https://example.com/a?gclid=1&mc_cid=2 https://example.com/a",
        "https://example.com/a%20b?q=%C3%A9 https://example.com/a%20b?q=%C3%A9",
    })
    void shouldCanonicalise(String url, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://example.com/a", "/relative/path", "https://exa mple.com/", "mailto:a@example.com"})
    void shouldRejectWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(url)).isInstanceOf(IllegalArgumentException.class);
    }
}
