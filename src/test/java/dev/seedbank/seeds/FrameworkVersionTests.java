package dev.seedbank.seeds;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FrameworkVersionTests {

	@Test
	void ignoresSuffixes() {
		assertThat(FrameworkVersion.parse("1.13.0a0")).isEqualTo(new FrameworkVersion(1, 13, 0));
		assertThat(FrameworkVersion.parse("2.5.1+cu121")).isEqualTo(new FrameworkVersion(2, 5, 1));
		assertThat(FrameworkVersion.parse("v0.28")).isEqualTo(new FrameworkVersion(0, 28, 0));
	}

	@Test
	void comparesNumerically() {
		assertThat(FrameworkVersion.parse("0.28.0").isAtLeast(FrameworkVersion.parse("0.28.0"))).isTrue();
		assertThat(FrameworkVersion.parse("0.27.9").isAtLeast(FrameworkVersion.parse("0.28.0"))).isFalse();
		assertThat(FrameworkVersion.parse("1.10.0").isAtLeast(FrameworkVersion.parse("1.9.0"))).isTrue();
		assertThat(FrameworkVersion.parse("1.8.1").isAtLeast(FrameworkVersion.parse("1.9.0"))).isFalse();
	}

	@Test
	void rejectsText() {
		assertThatIllegalArgumentException().isThrownBy(() -> FrameworkVersion.parse("latest"));
		assertThatIllegalArgumentException().isThrownBy(() -> FrameworkVersion.parse(null));
	}

}
