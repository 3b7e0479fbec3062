package dev.cleave.storefront;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One file of the site, read once: its bytes, its media type and an entity tag made from its
 * content (so a browser revalidates it with {@code If-None-Match} and gets a 304 while it is
 * unchanged, and the new file right after a deployment).
 */
final class SiteFile {

  private final byte[] body;
  private final String contentType;
  private final String etag;

  SiteFile(byte[] body, String contentType) {
    this.body = body.clone();
    this.contentType = contentType;
    this.etag = '"' + digest(body) + '"';
  }

  byte[] body() {
    return body.clone();
  }

  int length() {
    return body.length;
  }

  String contentType() {
    return contentType;
  }

  String etag() {
    return etag;
  }

  /** Whether a request's {@code If-None-Match} names this version of the file. */
  boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(body);
  }

  /** The media type of a site file, by its extension; empty text for a kind the site never has. */
  static String mediaType(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    return switch (extension) {
      case "html" -> "text/html;charset=UTF-8";
      case "js" -> "text/javascript;charset=UTF-8";
      case "css" -> "text/css;charset=UTF-8";
      case "svg" -> "image/svg+xml";
      case "webmanifest" -> "application/manifest+json";
      default -> "";
    };
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return contentType + " " + etag + " (" + body.length + " bytes)";
  }
}
