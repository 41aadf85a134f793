package org.linuxrouter.hactl.doctor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers commands with recorded outputs (the live system a test cannot have); anything else "is not installed". */
public final class RecordedRunner implements CommandRunner {
    private final Map<List<String>, Result> answers = new HashMap<>();

    public RecordedRunner answer(String stdout, String... argv) {
        answers.put(List.of(argv), new Result(0, stdout, ""));
        return this;
    }

    public RecordedRunner answerWithStatus(int status, String stdout, String... argv) {
        answers.put(List.of(argv), new Result(status, stdout, ""));
        return this;
    }

    public RecordedRunner fail(int status, String stderr, String... argv) {
        answers.put(List.of(argv), new Result(status, "", stderr));
        return this;
    }

    @Override
    public Result run(List<String> argv) {
        return answers.getOrDefault(argv, new Result(-1, "", argv.get(0) + ": not found"));
    }
}
