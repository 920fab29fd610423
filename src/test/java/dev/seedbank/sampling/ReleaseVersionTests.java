package dev.seedbank.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReleaseVersionTests {

	@Test
	void ignoresSuffixes() {
		assertThat(ReleaseVersion.parse("1.13.0a0")).isEqualTo(new ReleaseVersion(1, 13, 0));
		assertThat(ReleaseVersion.parse("2.5.1+cu121")).isEqualTo(new ReleaseVersion(2, 5, 1));
		assertThat(ReleaseVersion.parse("v0.28")).isEqualTo(new ReleaseVersion(0, 28, 0));
	}

	@Test
	void comparesNumerically() {
		assertThat(ReleaseVersion.parse("0.28.0").isAtLeast(ReleaseVersion.parse("0.28.0"))).isTrue();
		assertThat(ReleaseVersion.parse("0.27.9").isAtLeast(ReleaseVersion.parse("0.28.0"))).isFalse();
		assertThat(ReleaseVersion.parse("1.10.0").isAtLeast(ReleaseVersion.parse("1.9.0"))).isTrue();
		assertThat(ReleaseVersion.parse("1.8.1").isAtLeast(ReleaseVersion.parse("1.9.0"))).isFalse();
	}

	@Test
	void rejectsText() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReleaseVersion.parse("latest"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReleaseVersion.parse(null));
	}

	@Test
	void aTorchVersionIsAReleaseVersionInTheSameOrder() {
		assertThat(TorchVersion.parse("2.5.1+cu121").release()).isEqualTo(ReleaseVersion.parse("2.5.1+cu121"));
		assertThat(TorchVersion.parse("1.13.0a0").release()).isEqualTo(new ReleaseVersion(1, 13, 0));
		assertThat(TorchVersion.parse("1.13.1")).isLessThan(TorchVersion.parse("2.0.0"));
		assertThat(TorchVersion.parse("2.10.0")).isGreaterThan(TorchVersion.parse("2.9.1"));
		assertThat(TorchVersion.parse("2.5").toString()).isEqualTo(ReleaseVersion.parse("2.5").toString())
			.isEqualTo("2.5.0");
	}

}
