package io.heatwire.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ArticleParserSeedTest {

    @Test
    void shouldReadEverySeed() {
        assertThat(SeedDocuments.all()).hasSize(5);
        SeedDocuments.all()
                .keySet()
                .forEach(name -> assertThat(SeedDocuments.parsed(name)).isNotNull());
    }

    @Test
    void shouldReadSeed000WithAmpUrlsImagesAndRepairedMojibake() {
        final ParsedArticle article = SeedDocuments.parsed("000");

        assertThat(article.title())
                .isEqualTo("Police are using hand-held facial recognition cameras on the streets for the first time");
        assertThat(article.category()).isEqualTo("news");
        assertThat(article.type()).isEqualTo("article");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2021-12-10T23:40:00Z"));
        assertThat(article.url())
                .isEqualTo("https://www.dailymail.co.uk/news/article-10298385/"
                        + "Police-using-hand-held-facial-recognition-cameras-streets-time.html");
        assertThat(article.originalUrl()).isEqualTo(article.webUrl());
        assertThat(article.ampWebUrl()).contains("/amp/Police-using");
        assertThat(article.cdnAmpWebUrl()).startsWith("https://www-dailymail-co-uk.cdn.ampproject.org/c/s/");
        assertThat(article.quality()).isEqualTo(51);
        assertThat(article.published()).isFalse();
        assertThat(article.provider()).isEqualTo(new Provider("Daily Mail", "dailymail.co.uk"));
        assertThat(article.topics()).containsExactly("Computer Vision", "AI");
        assertThat(article.images())
                .containsExactly(new Image(
                        "https://i.dailymail.co.uk/1s/2021/12/11/00/51616297-0-image-a-98_1639182688746.jpg",
                        636,
                        382,
                        true));
        assertThat(article.related()).hasSize(5);
        assertThat(article.related().get(0).title())
                .isEqualTo("Facial recognition isn’t working for some Windows 11 users");
        assertThat(article.related().get(0).quality()).isEqualTo(59);
        assertThat(article.related().get(0).publishedAt()).isEqualTo(Instant.parse("2021-12-07T12:42:00Z"));
        assertThat(article.related().get(0).provider()).isEqualTo(new Provider("Windows", "windowsreport.com"));
        assertThat(article.related().get(4).ampWebUrl()).isNull();
        assertThat(article.warnings())
                .containsExactly(new Warning(
                        WarningKind.MOJIBAKE_REPAIRED,
                        "related[0].title",
                        "UTF-8 text read as Windows-1252 was repaired"));
        assertThat(article.secured()).startsWith("fCliwQC9wXgu5is83aIZ").endsWith(";f24gCayKcf8CPZ08RM2aOg==");
        assertThat(article.unknownFields()).isEmpty();
        assertThat(article.body()).isNull();
    }

    @Test
    void shouldReadSeed001WithTwelveRelatedAndNoImages() {
        final ParsedArticle article = SeedDocuments.parsed("001");

        assertThat(article.title()).isEqualTo("London police officially deploy facial recognition cameras");
        assertThat(article.url())
                .isEqualTo("https://nypost.com/2020/02/11/london-police-officially-deploy-facial-recognition-cameras/");
        assertThat(article.originalUrl()).isNull();
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2020-02-11T07:40:00Z"));
        assertThat(article.quality()).isEqualTo(19);
        assertThat(article.provider()).isEqualTo(new Provider("New York Post", "nypost.com"));
        assertThat(article.topics()).containsExactly("AI", "Computer Vision");
        assertThat(article.images()).isEmpty();
        assertThat(article.related()).hasSize(12);
        assertThat(article.related().get(0).ampWebUrl())
                .isEqualTo("https://amp.ft.com/content/db8bfc3c-4cf4-11ea-95a0-43d18ec715f5");
        assertThat(article.related().get(0).images().get(0).isCached()).isNull();
        assertThat(article.related().get(11).title())
                .isEqualTo("Public Perception of Facial Recognition Technologies - a four countries study");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void shouldReadSeeds002To004() {
        final ParsedArticle homeOffice = SeedDocuments.parsed("002");
        assertThat(homeOffice.title()).isEqualTo("Home Office pushes for more police facial-recognition deployments");
        assertThat(homeOffice.quality()).isEqualTo(4);
        assertThat(homeOffice.publishedAt()).isEqualTo(Instant.parse("2023-05-17T13:21:00Z"));
        assertThat(homeOffice.provider().domain()).isEqualTo("computerweekly.com");
        assertThat(homeOffice.related())
                .singleElement()
                .satisfies(entry -> assertThat(entry.title())
                        .isEqualTo("Police Facial Recognition Technology Can’t Tell Black People Apart"));

        final ParsedArticle cleveland = SeedDocuments.parsed("003");
        assertThat(cleveland.title()).isEqualTo("Push to have Cleveland at 'forefront' of face recognition technology");
        assertThat(cleveland.quality()).isEqualTo(39);
        assertThat(cleveland.images())
                .extracting(Image::width, Image::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2400, 1571));
        assertThat(cleveland.related()).hasSize(2);
        assertThat(cleveland.related().get(0).ampWebUrl()).endsWith("-21036484.amp");

        final ParsedArticle focus = SeedDocuments.parsed("004");
        assertThat(focus.title()).startsWith("UK police may soon employ controversial live facial recognition tech.");
        assertThat(focus.quality()).isEqualTo(18);
        assertThat(focus.provider()).isEqualTo(new Provider("BBC Focus", "sciencefocus.com"));
        assertThat(focus.images().get(0).url()).contains("?quality=90&crop=5px,147px,1190px,512px&resize=940,400");
        assertThat(focus.related()).hasSize(1);
    }

    @Test
    void shouldHaveTwentyOneRelatedEntriesAcrossTheSeeds() {
        final int related = SeedDocuments.all().keySet().stream()
                .mapToInt(name -> SeedDocuments.parsed(name).related().size())
                .sum();
        assertThat(related).isEqualTo(21);
    }

    @Test
    void shouldKeepSecuredOutOfToString() {
        final ParsedArticle article = SeedDocuments.parsed("000");
        assertThat(article.toString())
                .doesNotContain(article.secured())
                .doesNotContain("fCliwQC9")
                .contains("<redacted>");
    }
}
