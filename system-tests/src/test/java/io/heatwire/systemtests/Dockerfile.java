package io.heatwire.systemtests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Just enough of a Dockerfile to check it against the build: instructions with their
 * arguments, continuation lines joined and comments dropped, grouped into build stages.
 */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {

        List<String> words() {
            return Arrays.stream(arguments.trim().split("\\s+"))
                    .filter(word -> !word.isEmpty())
                    .toList();
        }
    }

    /** One FROM and the instructions after it. */
    record Stage(String image, Optional<String> name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .toList();
        }
    }

    Dockerfile {
        stages = List.copyOf(stages);
    }

    static Dockerfile parse(String text) {
        final List<Instruction> instructions = new ArrayList<>();
        final StringBuilder pending = new StringBuilder();
        for (String line : text.split("\\R")) {
            final String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            final String logical = pending.toString().trim();
            pending.setLength(0);
            if (!logical.isEmpty()) {
                final String[] parts = logical.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            }
        }

        final List<Stage> stages = new ArrayList<>();
        String image = null;
        Optional<String> name = Optional.empty();
        List<Instruction> body = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                if (image != null) {
                    stages.add(new Stage(image, name, body));
                }
                final List<String> words = instruction.words().stream()
                        .filter(word -> !word.startsWith("--"))
                        .toList();
                image = words.isEmpty() ? "" : words.get(0);
                name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")
                        ? Optional.of(words.get(2))
                        : Optional.empty();
                body = new ArrayList<>();
            } else if (image != null) {
                body.add(instruction);
            }
        }
        if (image != null) {
            stages.add(new Stage(image, name, body));
        }
        return new Dockerfile(stages);
    }

    /** Every instruction of every stage. */
    List<Instruction> all(String keyword) {
        return stages.stream().flatMap(stage -> stage.all(keyword).stream()).toList();
    }

    /** The stage the image is made of. */
    Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /** Base images pulled from a registry, that is FROM lines not naming an earlier stage. */
    List<String> baseImages() {
        final List<String> images = new ArrayList<>();
        final List<String> stageNames = new ArrayList<>();
        for (Stage stage : stages) {
            if (!stageNames.contains(stage.image())) {
                images.add(stage.image());
            }
            stage.name().ifPresent(stageNames::add);
        }
        return images;
    }
}
