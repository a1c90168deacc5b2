package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "December 29, 2023                          | 2023-12-29T00:00:00Z",
        "Dec. 29, 2023                              | 2023-12-29T00:00:00Z",
        "Sept 3, 2023                               | 2023-09-03T00:00:00Z",
        "29 December 2023                           | 2023-12-29T00:00:00Z",
        "29th of December, 2023                     | 2023-12-29T00:00:00Z",
        "Friday, December 29, 2023                  | 2023-12-29T00:00:00Z",
        "Published: December 29, 2023               | 2023-12-29T00:00:00Z",
        "Updated on Dec 29, 2023 at 10:31 a.m. EST  | 2023-12-29T15:31:00Z",
        "December 29, 2023 10:31 PM                 | 2023-12-29T22:31:00Z",
        "December 29, 2023, 08:15 GMT+3             | 2023-12-29T05:15:00Z",
        "29 December 2023 14:05 CET                 | 2023-12-29T13:05:00Z",
        "2023-12-29                                 | 2023-12-29T00:00:00Z",
        "2023-12-29T08:00:00+03:00                  | 2023-12-29T05:00:00Z",
        "2023-12-29T08:00:00Z                       | 2023-12-29T08:00:00Z",
        "2023-12-29T08:00:00                        | 2023-12-29T08:00:00Z",
        "2023-12-29 08:00                           | 2023-12-29T08:00:00Z",
        "2023/12/29                                 | 2023-12-29T00:00:00Z",
        "29.12.2023                                 | 2023-12-29T00:00:00Z",
        "'Fri, 29 Dec 2023 08:00:00 GMT'            | 2023-12-29T08:00:00Z",
        "'25 April 2005, Ethiopia'                  | 2005-04-25T00:00:00Z",
        "Dec 29, 2023 10:15 EST                     | 2023-12-29T15:15:00Z",
        "'July 4, 2023, 9:30 a.m. ET'               | 2023-07-04T13:30:00Z",
        "'Fri, 29 Dec 2023 10:15:00 EST'            | 2023-12-29T15:15:00Z",
        "'Fri, 29 Dec 2023 10:15:00 +0300'          | 2023-12-29T07:15:00Z",
        "'29 Dec 23 10:15 GMT'                      | 2023-12-29T10:15:00Z",
        "2023-12-29T10:15:00.123Z                   | 2023-12-29T10:15:00.123Z",
        "2023-12-29T10:15:00+0300                   | 2023-12-29T07:15:00Z",
        "2023-12-29 10:15:00 +03:00                 | 2023-12-29T07:15:00Z",
        "2023-12-29T10:15:00+03:00[Europe/Moscow]   | 2023-12-29T07:15:00Z",
    })
    void shouldReadTheDateFormsNewsSitesUse(String line, String expected) {
        PublicationDates.Result result = PublicationDates.parseLine(line);

        assertThat(result.kind()).isEqualTo(PublicationDates.Kind.DATE);
        assertThat(result.instant()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "December 29, 2023 was the day the river rose.",
        "27 April 2005. Relief aid has begun to reach survivors",
        "Smarch 12, 2023",
        "By Jane Doe",
        "13 civilians killed in RSF artillery strike",
        "2023",
        "",
    })
    void shouldNotTakeOtherLinesForDates(String line) {
        assertThat(PublicationDates.parseLine(line).kind()).isEqualTo(PublicationDates.Kind.NOT_A_DATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"February 30, 2023", "2023-13-01", "31.04.2023", "March 3, 1066"})
    void shouldReportDateShapedLinesThatNameNoRealDay(String line) {
        PublicationDates.Result result = PublicationDates.parseLine(line);

        assertThat(result.kind()).isEqualTo(PublicationDates.Kind.INVALID);
        assertThat(result.problem()).isNotBlank();
    }
}
