package org.chengxin.core.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.privacy.Pseudonymiser;

/**
 * Makes a raw line safe to store: personal values (device id, IP address, shipping address) must
 * never reach a table or a log. When the line parses as JSON, each personal field's value is
 * replaced by its keyed hash, at any depth and in any letter case, so analysts can still link a
 * rejected line to accepted rows. When it does not parse, a regex blanks the personal fields'
 * values. Both paths also blank anything shaped like an IPv4 address, then cut the text to
 * {@link #MAX_CHARS}.
 *
 * <p>Not thread-safe (it holds a {@link Pseudonymiser}); one per operator instance.
 */
public final class Redactor {
  /** Longest raw line stored, in characters. */
  public static final int MAX_CHARS = 4096;

  static final String REDACTED = "[redacted]";
  static final String IPV4_REDACTED = "[ipv4]";

  private static final ObjectMapper JSON = new ObjectMapper();
  // A personal field name, then its value: a string (possibly cut short) or a bare token. The
  // string is matched as an unrolled loop with possessive quantifiers: no backtracking, no deep
  // recursion on values of tens of kilobytes.
  private static final Pattern PERSONAL_VALUE =
      Pattern.compile(
          "(\"(?:" + String.join("|", EventFields.PERSONAL) + ")\"\\s*+:\\s*+)"
              + "(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"?|[^,}\\]\\s]*+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![0-9])");

  private final Pseudonymiser pseudonymiser;

  public Redactor(Pseudonymiser pseudonymiser) {
    this.pseudonymiser = pseudonymiser;
  }

  /** The redacted form of a raw line given as bytes (any encoding; invalid UTF-8 is replaced). */
  public String redact(byte[] line, int offset, int length) {
    try {
      JsonNode tree = JSON.readTree(line, offset, length);
      if (tree != null && tree.isContainerNode()) {
        hashPersonalValues(tree);
        return finish(JSON.writeValueAsString(tree));
      }
    } catch (IOException unparseable) {
      // fall through to the regex scrub
    }
    return scrub(new String(line, offset, length, StandardCharsets.UTF_8));
  }

  /** The regex scrub used for text that is not JSON (also for exception messages and details). */
  public static String scrub(String text) {
    String blanked = PERSONAL_VALUE.matcher(text).replaceAll("$1\"" + REDACTED + "\"");
    return finish(blanked);
  }

  private static String finish(String text) {
    String noIps = IPV4.matcher(text).replaceAll(IPV4_REDACTED);
    return noIps.length() <= MAX_CHARS ? noIps : noIps.substring(0, MAX_CHARS);
  }

  private void hashPersonalValues(JsonNode node) throws JsonProcessingException {
    if (node instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
      for (Map.Entry<String, JsonNode> field : fields) {
        if (isPersonal(field.getKey())) {
          JsonNode value = field.getValue();
          if (value.isNull()) {
            continue;
          }
          String raw = value.isTextual() ? value.textValue() : JSON.writeValueAsString(value);
          object.put(field.getKey(), pseudonymiser.pseudonymise(raw));
        } else {
          hashPersonalValues(field.getValue());
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        hashPersonalValues(element);
      }
    }
  }

  private static boolean isPersonal(String fieldName) {
    return EventFields.PERSONAL.contains(fieldName.toLowerCase(Locale.ROOT));
  }
}
