package org.chengxin.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

/**
 * The scripts the console serves itself, from its own classpath: ECharts (the webjar
 * {@code org.webjars.npm:echarts}) and the console's chart code. No CDN: these machines and many
 * company networks have no internet. Each is served at {@code /static/HASH/NAME}, HASH the start of
 * its SHA-256, so browsers may keep it for a year and a new version is a new address.
 */
final class StaticFiles {
  static final String ECHARTS = "echarts.min.js";
  static final String CHARTS = "charts.js";
  private static final String PREFIX = "/static/";

  /** One file: its bytes plain and gzipped (read once at start), and the hash in its address. */
  record File(String name, byte[] plain, byte[] gzipped, String hash) {
    String path() {
      return PREFIX + hash + "/" + name;
    }
  }

  private final Map<String, File> files;

  StaticFiles() {
    files = Map.of(ECHARTS, load(ECHARTS, "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js"),
        CHARTS, load(CHARTS, "/org/chengxin/console/charts.js"));
  }

  /** The address of {@code name} below the console (before the base path). */
  String path(String name) {
    return files.get(name).path();
  }

  /** The file {@code path} (below the console) names, when it is one of these at its current hash. */
  Optional<File> find(String path) {
    return files.values().stream().filter(f -> f.path().equals(path)).findFirst();
  }

  static boolean isStatic(String path) {
    return path.startsWith(PREFIX);
  }

  /** The version the webjar on the classpath carries (its pom.properties), so a version bump in the pom needs no code change. */
  private static String echartsVersion() {
    Properties pom = new Properties();
    try (InputStream in = resource("/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static File load(String name, String resource) {
    try (InputStream in = resource(resource)) {
      byte[] plain = in.readAllBytes();
      ByteArrayOutputStream gzipped = new ByteArrayOutputStream(plain.length / 3);
      try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
        gzip.write(plain);
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
      return new File(name, plain, gzipped.toByteArray(), HexFormat.of().formatHex(digest, 0, 6));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = StaticFiles.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the console's classpath lacks " + name);
    }
    return in;
  }

  /** Used by the pages: the two script tags that draw the charts, at the end of the body. */
  String scriptTags(Request request) {
    return "<script src=\"" + Html.text(request.link(path(ECHARTS))) + "\"></script><script src=\""
        + Html.text(request.link(path(CHARTS))) + "\"></script>";
  }
}
