package dev.seedbank.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read strictly (issue 16.5): a repeated key is an error instead of
 * the last one silently winning (Jackson's {@code STRICT_DUPLICATE_DETECTION}), and a
 * string value holding a lone UTF-16 surrogate (legal JSON syntax: an escaped U+D800 on
 * its own) is refused when it is bound. Map keys (tags) are checked where they are read,
 * as are the trees read for PATCH ({@code ExperimentController},
 * {@code ExperimentPatch}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictJsonReading() {
		SimpleModule wellFormed = new SimpleModule("seedbank-well-formed-strings");
		wellFormed.addDeserializer(String.class, new WellFormedStrings());
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(wellFormed);
	}

	/**
	 * Thrown for a lone surrogate; databind adds the path, the problem handler names it.
	 */
	static final class MalformedText extends MismatchedInputException {

		MalformedText(JsonParser parser) {
			super(parser, Text.LONE_SURROGATE_MESSAGE);
		}

	}

	static final class WellFormedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (value != null && Text.loneSurrogate(value) >= 0) {
				throw new MalformedText(p);
			}
			return value;
		}

	}

}
