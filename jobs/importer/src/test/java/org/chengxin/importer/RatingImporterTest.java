package org.chengxin.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.validation.EventValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingImporterTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private ImportOptions options(char delimiter, boolean header, String rater, String ratee, String rating, String time,
      double positiveMin, double negativeMax, String timeFormat) {
    return new ImportOptions(dir.resolve("in.txt"), dir.resolve("out"), delimiter, header, rater, ratee, rating, time,
        -10, 10, positiveMin, negativeMax, TimeFormat.parse(timeFormat, ZoneOffset.UTC), "ba-", "", Optional.empty(), 0.5);
  }

  private RatingImporter.Result importFile(ImportOptions options, String... lines) throws IOException {
    Files.write(options.input(), List.of(lines), StandardCharsets.UTF_8);
    return new RatingImporter(options, NOW).run();
  }

  @Test
  void commaFileInUnixSecondsBecomesRatingEventsByDay() throws IOException {
    ImportOptions o = options(',', false, "0", "1", "2", "3", 1, -1, "unix-seconds");
    RatingImporter.Result r = importFile(o, "7188,1,10,1407470400", "430,1,-4,1376539200", "3,2,0,1376539200");
    assertEquals(3, r.read());
    assertEquals(3, r.written());
    assertEquals(1, r.byScore().get(RatingScore.POSITIVE));
    assertEquals(1, r.byScore().get(RatingScore.NEGATIVE));
    assertEquals(1, r.byScore().get(RatingScore.NEUTRAL));
    assertEquals(2, r.days());
    Path day = dir.resolve("out/events/2014-08-08/ratings.jsonl");
    JsonNode event = JSON.readTree(Files.readAllLines(day).get(0));
    assertEquals("rating", event.get("kind").asText());
    assertEquals("ba-7188", event.get("rater_id").asText());
    assertEquals("ba-1", event.get("ratee_id").asText());
    assertEquals("ba-r1", event.get("rating_id").asText());
    assertEquals("ba-t1", event.get("trade_id").asText());
    assertEquals("buyer_to_seller", event.get("direction").asText());
    assertEquals("2014-08-08T04:00:00Z", event.get("rated_at").asText());
    assertTrue(event.get("service").isNull());
  }

  @Test
  void aGzippedReviewFileWithUsersAndProductsInSeparateIdSpacesKeepsThemApart() throws IOException {
    // As YelpChi ships: "user product stars label date", space separated, gzip; user 5 and product 5 are two accounts.
    ImportOptions o = new ImportOptions(dir.resolve("reviews.gz"), dir.resolve("out"), ' ', false, "0", "1", "2", "4", 1, 5, 4, 2,
        TimeFormat.parse("iso", ZoneOffset.UTC), "y-", "p", Optional.empty(), 0.5);
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(o.input()))) {
      gzip.write("5 5 5.0 -1 2011-06-08\n5 7 1.0 1 2011-06-09\n".getBytes(StandardCharsets.UTF_8));
    }
    RatingImporter.Result r = new RatingImporter(o, NOW).run();

    assertEquals(2, r.written(), "user 5 rating product 5 is no self-rating");
    JsonNode first = JSON.readTree(Files.readAllLines(dir.resolve("out/events/2011-06-08/ratings.jsonl")).get(0));
    assertEquals("y-5", first.get("rater_id").asText());
    assertEquals("y-p5", first.get("ratee_id").asText());
    assertEquals("y-r1", first.get("rating_id").asText(), "the rating of the file's first line");
    JsonNode second = JSON.readTree(Files.readAllLines(dir.resolve("out/events/2011-06-09/ratings.jsonl")).get(0));
    assertEquals("y-p7", second.get("ratee_id").asText());
    assertEquals("negative", second.get("score").asText());
  }

  @Test
  void eventsPassTheIngestValidator() throws IOException {
    ImportOptions o = options(',', false, "0", "1", "2", "3", 1, -1, "unix-seconds");
    importFile(o, "7188,1,10,1407470400");
    byte[] line = Files.readAllLines(dir.resolve("out/events/2014-08-08/ratings.jsonl")).get(0).getBytes(StandardCharsets.UTF_8);
    var result = new EventValidator(new Pseudonymiser(new byte[32]), NOW, EventValidator.DEFAULT_MAX_LINE_BYTES)
        .validate(line, 0, line.length, "ratings.jsonl", 1);
    assertTrue(result instanceof org.chengxin.core.validation.ValidationResult.Accepted, String.valueOf(result));
  }

  @Test
  void tabFileWithHeaderNamesAndAnIsoTimeOnAFiveStarScale() throws IOException {
    ImportOptions o = new ImportOptions(dir.resolve("in.txt"), dir.resolve("out"), '\t', true, "user", "shop", "stars", "when",
        1, 5, 4, 2, TimeFormat.parse("iso", ZoneOffset.UTC), "", "", Optional.empty(), 0.5);
    RatingImporter.Result r = importFile(o, "stars\twhen\tuser\tshop", "5\t2024-03-01T10:00:00Z\tu1\ts1",
        "3\t2024-03-01T11:00:00+08:00\tu2\ts1", "1\t2024-03-02\tu3\ts1", "6\t2024-03-02\tu4\ts1");
    assertEquals(4, r.read());
    assertEquals(3, r.written());
    assertEquals(1, r.rejected().get(ImportReject.OUT_OF_SCALE));
    assertEquals(1, r.byScore().get(RatingScore.NEUTRAL));
    List<String> firstDay = Files.readAllLines(dir.resolve("out/events/2024-03-01/ratings.jsonl"));
    assertEquals(2, firstDay.size());
    assertTrue(firstDay.get(1).contains("\"rated_at\":\"2024-03-01T03:00:00Z\""), firstDay.get(1));
  }

  @Test
  void millisAndPatternTimesAndQuotedFields() throws IOException {
    ImportOptions millis = options(';', false, "0", "1", "2", "3", 1, -1, "unix-millis");
    importFile(millis, "\"a;1\";b;1;1407470400000");
    assertFalse(Files.exists(dir.resolve("out/events")), "an id with ';' is malformed and the import refused");
    RatingImporter importer = new RatingImporter(
        new ImportOptions(dir.resolve("in.txt"), dir.resolve("out2"), '|', false, "0", "1", "2", "3", -10, 10, 1, -1,
            TimeFormat.parse("pattern:dd/MM/yyyy HH:mm", ZoneId.of("Asia/Shanghai")), "", "", Optional.empty(), 0.5),
        NOW);
    RatingImporter.Outcome outcome = importer.convert("\"x\"\"1\"|y|2|01/03/2024 08:00", 1);
    assertEquals(ImportReject.MALFORMED_ID, outcome.reject(), "x\"1 is not an id");
    assertEquals(ImportReject.UNBALANCED_QUOTES, importer.convert("\"x\"1|y|2|01/03/2024 08:00", 1).reject(),
        "text after a closing quote");
    outcome = importer.convert("x1|y|2|01/03/2024 08:00", 1);
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), outcome.rating().ratedAt());
  }

  @Test
  void badRowsAreCountedByReasonNotDroppedSilently() throws IOException {
    ImportOptions o = options(',', false, "0", "1", "2", "3", 1, -1, "unix-seconds");
    RatingImporter.Result r = importFile(o,
        "1,2,5,1407470400", "1,2,5", "1,1,5,1407470400", ",2,5,1407470400", "1,2,five,1407470400",
        "1,2,5,yesterday", "1,2,5,86400", "1,2,5,99999999999", "\"1,2,5,1407470400", "1,2,-3,1407470400", "3,4,1,1407470400",
        "5,6,1,1407470400", "5,7,1,1407470400", "5,8,1,1407470400", "5,9,1,1407470400", "5,10,1,1407470400", "5,11,1,1407470400");
    assertEquals(17, r.read());
    assertEquals(9, r.written());
    assertEquals(8, r.rejectedTotal());
    for (ImportReject reason : new ImportReject[] {ImportReject.MISSING_COLUMNS, ImportReject.SELF_RATING,
        ImportReject.MISSING_ID, ImportReject.UNPARSEABLE_RATING, ImportReject.UNPARSEABLE_TIME, ImportReject.UNBALANCED_QUOTES}) {
      assertEquals(1L, r.rejected().get(reason), reason.wire());
    }
    assertEquals(2L, r.rejected().get(ImportReject.TIME_OUT_OF_RANGE));
    JsonNode json = JSON.readTree(r.toJson());
    assertEquals(8, json.get("rejected").asLong());
    assertEquals(1, json.get("rejected.self_rating").asLong());
  }

  @Test
  void tooManyBadRowsRefuseTheImportAndWriteNothing() throws IOException {
    ImportOptions o = options(',', false, "0", "1", "2", "3", 1, -1, "unix-seconds");
    RatingImporter.Result r = importFile(o, "1,2,5,1407470400", "1,2,x,1407470400", "1,2,y,1407470400");
    assertTrue(r.refused());
    assertEquals(0, r.written());
    assertFalse(Files.exists(dir.resolve("out/events")));
    assertEquals(List.of(), Files.list(dir.resolve("out")).toList(), "no staging left behind");
  }

  @Test
  void heldOutRateesLoseTheirReceivedRatingsOnly() throws IOException {
    Files.writeString(dir.resolve("labels.csv"), "2,-1\n");
    ImportOptions o = new ImportOptions(dir.resolve("in.txt"), dir.resolve("out"), ',', false, "0", "1", "2", "3", -10, 10,
        1, -1, TimeFormat.parse("unix-seconds", ZoneOffset.UTC), "ba-", "", Optional.of(dir.resolve("labels.csv")), 0.5);
    RatingImporter.Result r = importFile(o, "1,2,5,1407470400", "2,1,5,1407470400");
    assertEquals(1, r.heldOut());
    assertEquals(1, r.written());
    assertTrue(Files.readString(dir.resolve("out/events/2014-08-08/ratings.jsonl")).contains("\"rater_id\":\"ba-2\""));
  }

  @Test
  void anExistingOutputAndBadOptionsAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("out/events"));
    ImportOptions o = options(',', false, "0", "1", "2", "3", 1, -1, "unix-seconds");
    assertThrows(IllegalArgumentException.class, () -> importFile(o, "1,2,5,1407470400"));
    assertThrows(IllegalArgumentException.class, () -> options(',', false, "rater", "1", "2", "3", 1, -1, "unix-seconds"));
    assertThrows(IllegalArgumentException.class, () -> options(',', false, "0", "1", "2", "3", 0, 0, "unix-seconds"));
    assertThrows(IllegalArgumentException.class, () -> TimeFormat.parse("epoch", ZoneOffset.UTC));
    Arguments cli = new Arguments("test", "a delimiter");
    Arguments.Arg<Character> delimiter = cli.delimiter("delimiter", "separator", ',');
    assertTrue(cli.parse(new String[] {"--delimiter", "tab"}));
    assertEquals('\t', delimiter.value());
  }
}
