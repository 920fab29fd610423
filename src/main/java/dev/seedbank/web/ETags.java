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
	 * @param ifMatch an If-Match value naming one ETag
	 * @return the version it names
	 * @throws ApiException 412 when it names no version of ours
	 */
	public static long version(String ifMatch) {
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() > 3 && tag.startsWith("\"v") && tag.endsWith("\"")) {
			try {
				return Long.parseLong(tag.substring(2, tag.length() - 1));
			}
			catch (NumberFormatException ex) {
				// fall through to the 412 below
			}
		}
		throw new ApiException(ProblemType.PRECONDITION_FAILED,
				"If-Match '" + ifMatch + "' does not name a current ETag; GET the experiment to read it");
	}

}
