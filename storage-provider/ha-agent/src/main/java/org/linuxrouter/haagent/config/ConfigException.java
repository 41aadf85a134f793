package org.linuxrouter.haagent.config;

import java.util.List;

/** The configuration file is unreadable or invalid; the message lists every problem, each naming its key. */
public final class ConfigException extends RuntimeException {
    private final transient List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
