package dev.seedbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read into its instructions, grouped by build stage; enough of the
 * Dockerfile syntax (comments, line continuations) to check structure without a Docker
 * engine.
 */
record Dockerfile(List<Stage> stages) {

	static Dockerfile read(Path path) throws IOException {
		List<Stage> stages = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String line : Files.readAllLines(path)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			pending.append(trimmed);
			Instruction instruction = Instruction.parse(pending.toString());
			pending.setLength(0);
			if (instruction.is("FROM")) {
				stages.add(new Stage(instruction.arguments(), new ArrayList<>()));
			}
			else if (stages.isEmpty()) {
				if (!instruction.is("ARG")) {
					throw new IllegalStateException("Instruction before the first FROM: " + instruction);
				}
			}
			else {
				stages.get(stages.size() - 1).instructions().add(instruction);
			}
		}
		return new Dockerfile(List.copyOf(stages));
	}

	Stage last() {
		return this.stages.get(this.stages.size() - 1);
	}

	List<Instruction> all(String keyword) {
		return this.stages.stream().flatMap((stage) -> stage.all(keyword).stream()).toList();
	}

	/**
	 * One build stage: its FROM arguments and the instructions that follow.
	 */
	record Stage(String from, List<Instruction> instructions) {

		String image() {
			return this.from.split("\\s+")[0];
		}

		String name() {
			String[] words = this.from.split("\\s+");
			return (words.length == 3 && words[1].equalsIgnoreCase("AS")) ? words[2] : null;
		}

		List<Instruction> all(String keyword) {
			return this.instructions.stream().filter((instruction) -> instruction.is(keyword)).toList();
		}

	}

	/**
	 * One instruction, continuation lines joined.
	 */
	record Instruction(String keyword, String arguments) {

		static Instruction parse(String line) {
			String[] parts = line.split("\\s+", 2);
			return new Instruction(parts[0].toUpperCase(Locale.ROOT), (parts.length > 1) ? parts[1] : "");
		}

		boolean is(String keyword) {
			return this.keyword.equals(keyword);
		}

	}

}
