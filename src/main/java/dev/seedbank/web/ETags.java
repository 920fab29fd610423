package dev.seedbank.web;

/**
 * Strong ETags derived from a record's version, and the parsing of If-Match and
 * If-None-Match against them.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"v" + version + "\"";
	}

	/**
	 * @param header an If-None-Match value, possibly a list or {@code *}
	 * @param etag the current ETag
	 * @return whether the header names it
	 */
	public static boolean matches(String header, String etag) {
		if (header == null) {
			return false;
		}
		for (String candidate : header.split(",")) {
			String trimmed = candidate.trim();
			if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The version an If-Match header expects, by RFC 9110 section 13.1.1: {@code *}
	 * matches any current representation; otherwise the header is a list of entity tags
	 * compared strongly, so a weak tag ({@code W/"v0"}) never matches.
	 * @param ifMatch the If-Match value
	 * @param currentVersion the record's current version
	 * @return {@code currentVersion} when the header matches it, else the first strong
	 * version it names (stale: the amend then answers 412)
	 * @throws ApiException 412 when it names no strong tag of ours
	 */
	public static long expectedVersion(String ifMatch, long currentVersion) {
		if (ifMatch.trim().equals("*")) {
			return currentVersion;
		}
		Long first = null;
		for (String candidate : ifMatch.split(",")) {
			Long version = strongVersion(candidate.trim());
			if (version != null && version == currentVersion) {
				return version;
			}
			if (first == null) {
				first = version;
			}
		}
		if (first != null) {
			return first;
		}
		throw new ApiException(ProblemType.PRECONDITION_FAILED, "If-Match '" + ifMatch
				+ "' does not name a current ETag (a weak W/ tag never matches If-Match); GET the experiment to read it");
	}

	private static Long strongVersion(String tag) {
		if (tag.length() > 3 && tag.startsWith("\"v") && tag.endsWith("\"")) {
			try {
				return Long.parseLong(tag.substring(2, tag.length() - 1));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
