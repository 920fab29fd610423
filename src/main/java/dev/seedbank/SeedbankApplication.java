package dev.seedbank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * seedbank: records how distributed training runs were seeded and serves each rank its
 * exact, torch-identical data order.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeedbankApplication {

	public static void main(String[] args) {
		SpringApplication.run(SeedbankApplication.class, args);
	}

}
