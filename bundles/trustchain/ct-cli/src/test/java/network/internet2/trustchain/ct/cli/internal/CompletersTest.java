package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.Test;

public class CompletersTest {

    /** The command line {@code ct:prove --tree-size <typed>} with the cursor at its end. */
    private static CommandLine typed(String typed) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 2;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"ct:prove", "--tree-size", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "ct:prove --tree-size " + typed;
            }
        };
    }

    @Test
    public void offersTheSizeOfTheLatestSignedTreeHead() {
        TreeSizeCompleter completer = new TreeSizeCompleter();
        FakeLog log = FakeLog.ofSize(12);
        completer.log = log;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("1"), candidates);
        assertEquals(List.of("12"), candidates.stream().map(String::strip).toList());

        candidates.clear();
        completer.complete(null, typed("3"), candidates);
        assertEquals(List.of(), candidates);
        assertNotNull(TreeSizeCompleter.class.getAnnotation(Service.class));
    }

    @Test
    public void offersNothingForAnEmptyLog() {
        assertEquals(List.of(), TreeSizeCompleter.sizes(0));
        assertEquals(List.of("1"), TreeSizeCompleter.sizes(1));
    }
}
