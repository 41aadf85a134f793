package org.linuxrouter.lrctl;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import org.linuxrouter.daemon.config.ConfigException;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.client.RouterRejectedException;
import org.linuxrouter.protocol.client.RouterUnreachableException;
import org.linuxrouter.protocol.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into {@code lrctl: <what went wrong>} on stderr and an {@link Exit} code. Stack traces are
 * for bugs only: an operator who mistyped a UUID or whose daemon is down needs one line, not a trace.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("lrctl: " + lowerFirst(e.getMessage()) + " (see "
        + command.getCommandSpec().qualifiedName() + " --help)");
    command.getErr().flush();
    return Exit.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    int code;
    if (e instanceof CommandFailure failure) {
      code = failure.exitCode();
      err.println("lrctl: " + failure.getMessage());
    } else if (e instanceof RouterClientException failure) {
      code = Exit.DAEMON;
      err.println("lrctl: " + describe(failure));
    } else if (e instanceof ConfigException failure) {
      code = Exit.USAGE;
      // The loader lists one problem per line, each already naming file, line and key.
      failure.getMessage().lines().forEach(line -> err.println("lrctl: " + line));
    } else {
      code = Exit.BUG;
      err.println("lrctl: bug: " + e);
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** One line for a failed call, naming the daemon's URL and the operation. */
  static String describe(RouterClientException e) {
    String daemon = "linuxrouterd at " + e.router();
    if (e instanceof RouterUnreachableException) {
      return "cannot reach " + daemon + ": " + unreachableReason(e);
    }
    if (e instanceof RouterRejectedException rejected) {
      return daemon + " rejected " + e.operation() + ": " + describe(rejected.problem());
    }
    return daemon + " failed " + e.operation() + ": " + problemText(e);
  }

  /** {@code 400 invalid request: gateway4: expected ...}; the field is added when the detail does not name it. */
  static String describe(Problem problem) {
    String detail = problem.detail().map(d -> ": " + d).orElse("");
    String field = problem.field()
        .filter(f -> problem.detail().map(d -> !d.startsWith(f + ":")).orElse(true))
        .map(f -> " (field " + f + ")").orElse("");
    return problem.status() + " " + problem.title() + detail + field;
  }

  private static String unreachableReason(RouterClientException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      // A connect timeout is an HttpTimeoutException, not a ConnectException: the client's own text says it.
      if (t instanceof ConnectException && !(t instanceof HttpTimeoutException)) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? "connection refused" : message.toLowerCase(Locale.ROOT);
      }
    }
    return problemText(e);
  }

  /** The exception's message without its {@code router URL operation: } prefix, which lrctl words itself. */
  private static String problemText(RouterClientException e) {
    String prefix = "router " + e.router() + " " + e.operation() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
