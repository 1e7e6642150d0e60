package org.chengxin.core.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedTest {
  @TempDir Path dir;

  @Test
  void splitsOnOneCharacterWithOptionalQuotes() {
    assertEquals(List.of("a", "", "c", ""), Delimited.CSV.split("a,,c,"));
    assertEquals(List.of("a,1", "b"), Delimited.CSV.split("\"a,1\",b"));
    assertEquals(List.of("x\"1", "y"), Delimited.by('|').split("\"x\"\"1\"|y"));
    assertEquals(List.of("a\"b", "c"), Delimited.CSV.split("a\"b,c"), "a quote inside an unquoted field is text");
    assertEquals(List.of(" a ", " b"), Delimited.CSV.split(" a , b"), "spaces are kept");
    assertEquals(List.of("u1", "s1", "5"), Delimited.by('\t').split("u1\ts1\t5"));
    assertEquals(List.of("a", "b"), Delimited.by(' ').split("a b"));
    assertEquals(List.of("#x", "y"), Delimited.CSV.split("#x,y"), "no comment lines");
    assertEquals(List.of(""), Delimited.CSV.split(""));
  }

  @Test
  void malformedQuotingIsNull() {
    assertNull(Delimited.CSV.split("\"open"));
    assertNull(Delimited.CSV.split("\"1,2,5,1407470400"));
    assertNull(Delimited.CSV.split("\"ab\"c,d"), "text after a closing quote");
  }

  @Test
  void refusesAQuoteOrLineBreakAsSeparator() {
    assertThrows(IllegalArgumentException.class, () -> Delimited.by('"'));
    assertThrows(IllegalArgumentException.class, () -> Delimited.by('\n'));
  }

  @Test
  void columnsOfAHeadedFileByNameSkippingBlankLines() throws IOException {
    Path file = dir.resolve("members.csv");
    Files.writeString(file, "account_id,role,ring_id\nb1,buyer,R1\n\n  \n\"s,1\",seller,R1\n");
    List<String[]> rows = Delimited.CSV.columns(file, "role", "account_id");
    assertEquals(2, rows.size());
    assertArrayEquals(new String[] {"buyer", "b1"}, rows.get(0));
    assertArrayEquals(new String[] {"seller", "s,1"}, rows.get(1));
  }

  @Test
  void columnsNameTheFileWhenItCannotServe() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertTrue(assertThrows(IOException.class, () -> Delimited.CSV.columns(empty, "a")).getMessage().endsWith("empty.csv is empty"));
    Path headed = Files.writeString(dir.resolve("h.csv"), "a,b\n1,2\n");
    assertTrue(assertThrows(IOException.class, () -> Delimited.CSV.columns(headed, "c")).getMessage().endsWith("h.csv has no column c"));
    Path shortRow = Files.writeString(dir.resolve("s.csv"), "a,b\n1,2\n3\n");
    assertThrows(IOException.class, () -> Delimited.CSV.columns(shortRow, "b"));
    Path open = Files.writeString(dir.resolve("o.csv"), "a,b\n\"1,2\n");
    assertThrows(IOException.class, () -> Delimited.CSV.columns(open, "b"));
  }

  @Test
  void writesAHeaderAndQuotesOnlyWhatNeedsIt() throws IOException {
    StringWriter out = new StringWriter();
    try (Delimited.Rows rows = Delimited.CSV.write(out, "id", "name", "n")) {
      rows.row("s1", "plain text", 3);
      rows.row("s,2", "say \"hi\"", 0.25);
      rows.row("s3", "two\nlines", true);
      rows.row("s4", "cr\r", null);
      rows.row("", "#", -1);
    }
    assertEquals("id,name,n\ns1,plain text,3\n\"s,2\",\"say \"\"hi\"\"\",0.25\ns3,\"two\nlines\",true\n"
        + "s4,\"cr\r\",\n,#,-1\n", out.toString());
  }

  @Test
  void whatItWritesReadsBack() throws IOException {
    Path file = dir.resolve("round.csv");
    try (Delimited.Rows rows = Delimited.CSV.write(Files.newBufferedWriter(file), "id", "note")) {
      rows.row("a,\"b\"", "x");
    }
    assertArrayEquals(new String[] {"x", "a,\"b\""}, Delimited.CSV.columns(file, "note", "id").get(0));
  }
}
