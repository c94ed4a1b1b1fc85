package cn.cg.geo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrLibraryInstanceTest {

    @Test
    void lastDuplicateEdgeWinsAndDistancesAreShortestPaths() throws IOException {
        OrLibraryInstance in = OrLibraryInstance.read(new StringReader(" 4 4 2 \n 1 2 5\n 2 3 1\n 3 4 2\n 1 2 9\n"));
        assertThat(in.distance(0, 1)).isEqualTo(9);
        assertThat(in.distance(0, 3)).isEqualTo(12);
        assertThat(in.distance(3, 1)).isEqualTo(3);
        assertThat(in.p()).isEqualTo(2);
    }

    @Test
    void faultsNameTheLineAndTheReason() {
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("3 2 1\n1 2 4\n1 x 4\n")))
                .isInstanceOf(InstanceFormatException.class).hasMessage("line 3: node 'x' is not an integer");
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("3 2 1\n1 2 4\n")))
                .hasMessageContaining("header announces 2 edges but the file ends after 1");
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("3 2\n")))
                .hasMessage("line 1: expected header 'n m p' (3 integers), found 2 fields");
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("3 1 1\n1 4 2\n")))
                .hasMessage("line 2: node 4 is outside 1..3");
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("3 1 1\n1 2 -2\n")))
                .hasMessageContaining("line 2: cost must be finite and >= 0");
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("3 1 1\n1 2 2\n")))
                .hasMessageContaining("disconnected");
        assertThatThrownBy(() -> OrLibraryInstance.read(new StringReader("2 1 3\n1 2 2\n")))
                .hasMessage("line 1: p must be 1..n (2), was 3");
    }

    @Test
    void cliPrintsTheMachineLineLastAndExits2OnBadFiles(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PMedianCli.run(new String[] {"../testdata/pmed/pmed1.txt"}, new PrintStream(out), new PrintStream(err));
        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("objective=5819 bound=5819 seconds=\\d+\\.\\d{3}");

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "5 2 2\n1 2 3\n2 three 4\n");
        err.reset();
        code = PMedianCli.run(new String[] {bad.toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3: node 'three' is not an integer");
        err.reset();
        assertThat(PMedianCli.run(new String[] {dir.resolve("missing.txt").toString()}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }
}
