package dev.seedbank.seeds;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.sampling.TorchVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A release keeps the spelling it was parsed from: a record shows back what the client
 * sent, and the engine reads the parsed release.
 */
class ReleaseSpellingTests {

	@Test
	void aTorchReleaseKeepsItsSpellingBesideTheRelease() {
		TorchRelease release = TorchRelease.parse("2.5");
		assertThat(release.text()).isEqualTo("2.5");
		assertThat(release.version()).isEqualTo(TorchVersion.parse("2.5.0"));
		assertThat(TorchRelease.parse("2.5.1+cu121").text()).isEqualTo("2.5.1+cu121");
	}

	@Test
	void aFrameworkReleaseKeepsItsSpellingBesideTheNumber() {
		FrameworkRelease release = FrameworkRelease.parse("0.28");
		assertThat(release.text()).isEqualTo("0.28");
		assertThat(release.version()).isEqualTo(new ReleaseVersion(0, 28, 0));
	}

	@Test
	void aStoredTextThatIsNoReleaseLoadsAndFailsOnlyWhenTheReleaseIsNeeded() {
		TorchRelease legacy = TorchRelease.stored("1.4.0");
		assertThat(legacy.text()).isEqualTo("1.4.0");
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(legacy::version)
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("torchVersion"))
			.withMessageContaining("older than 1.5.0");
		assertThat(TorchRelease.stored("2.5").version()).isEqualTo(TorchVersion.parse("2.5.0"));
	}

	@Test
	void aTorchTextThatIsNoReleaseIsRefusedWhereItEnters() {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(() -> TorchRelease.parse("2.5.9"))
			.withMessageContaining("never released");
	}

}
