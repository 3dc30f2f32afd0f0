package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

public class DurationKindTest {

    private final DurationKind timeout = new DurationKind(1, 3_600_000);

    private String millis(String text) {
        return timeout.toProperty(TextNode.valueOf(text));
    }

    private String refusal(JsonNode value) {
        return assertThrows(IllegalArgumentException.class, () -> timeout.toProperty(value)).getMessage();
    }

    @Test
    public void readsMillisecondsSecondsAndMinutes() {
        assertEquals("100", millis("100ms"));
        assertEquals("2000", millis("2s"));
        assertEquals("1500", millis("1.5s"));
        assertEquals("60000", millis("1m"));
        assertEquals("250", millis(" 250 ms "));
        assertEquals("3600000", millis("60m"));
    }

    @Test
    public void refusesABareNumberBecauseItsUnitWouldBeAGuess() {
        assertEquals("must be a duration from 1ms to 3600s (a string such as \"100ms\" or \"2s\"), not 100",
                refusal(IntNode.valueOf(100)));
    }

    @Test
    public void refusesTextThatIsNotADuration() {
        for (String text : List.of("100", "100 seconds", "-1s", "2h", "ms", "1e3ms")) {
            assertEquals(text, "\"" + text + "\" is not a duration: write a number and a unit, ms, s or m, such as "
                    + "\"100ms\" or \"2s\"", refusal(TextNode.valueOf(text)));
        }
    }

    @Test
    public void refusesFractionsOfAMillisecondAndValuesOutOfRange() {
        assertEquals("\"1.5ms\" is not a whole number of milliseconds", refusal(TextNode.valueOf("1.5ms")));
        assertEquals("\"0ms\" is out of range: a duration from 1ms to 3600s (a string such as \"100ms\" or \"2s\")",
                refusal(TextNode.valueOf("0ms")));
        assertEquals("\"61m\" is out of range: a duration from 1ms to 3600s (a string such as \"100ms\" or \"2s\")",
                refusal(TextNode.valueOf("61m")));
    }

    @Test
    public void exportsWholeSecondsInSecondsAndTheRestInMilliseconds() {
        assertEquals(TextNode.valueOf("100ms"), timeout.toToml("100"));
        assertEquals(TextNode.valueOf("2s"), timeout.toToml(2000L));
        assertEquals(TextNode.valueOf("1500ms"), timeout.toToml(1500));
        assertThrows(IllegalArgumentException.class, () -> timeout.toToml("soon"));
        assertThrows(IllegalArgumentException.class, () -> timeout.toToml("0"));
    }
}
