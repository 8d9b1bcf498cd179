package dev.phoneverify.app.web;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Which address a request really comes from, behind proxies the operator trusts: the direct peer, unless the peer
 * is a trusted proxy; then the right-most address of {@code Forwarded} (RFC 7239) or, without it,
 * {@code X-Forwarded-For} that is not itself a trusted proxy. With no trusted proxies, always the peer: any client
 * can write those headers, so they are believed only from a proxy that sets them.
 *
 * <p>A malformed header (an entry that is not an IP address, an obfuscated or {@code unknown} node) is ignored and
 * the peer is used; the first one is logged, further ones are not. Plain JDK: usable by any web layer.
 */
public final class TrustedProxies {
    private static final System.Logger LOG = System.getLogger(TrustedProxies.class.getName());
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_ENTRIES = 64;

    private final List<Block> blocks;
    private final AtomicBoolean malformedLogged = new AtomicBoolean();

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Trusts nobody: the peer address is the client's. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses a comma list of IPv4 or IPv6 addresses and CIDR blocks ({@code 10.0.0.0/8, 192.0.2.7, 2001:db8::/32});
     * blank means none.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies parse(String list) {
        Objects.requireNonNull(list, "list");
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                blocks.add(Block.parse(trimmed).orElseThrow(() -> new IllegalArgumentException(
                        "'" + printable(trimmed) + "' is neither an IP address nor a CIDR block such as 10.0.0.0/8")));
            }
        }
        return new TrustedProxies(blocks);
    }

    /** True when no proxy is trusted. */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        return literal(address).map(this::trusts).orElse(false);
    }

    /**
     * The client's address.
     *
     * @param peer           the address of the direct peer, as the server reports it
     * @param forwarded      every {@code Forwarded} header line, in order (empty when there is none)
     * @param xForwardedFor  every {@code X-Forwarded-For} header line, in order
     */
    public String clientAddress(String peer, List<String> forwarded, List<String> xForwardedFor) {
        if (blocks.isEmpty() || !trusts(peer)) {
            return peer;
        }
        boolean useForwarded = !forwarded.isEmpty();
        Optional<List<InetAddress>> chain = useForwarded ? forwardedFor(forwarded) : addresses(xForwardedFor);
        if (chain.isEmpty()) {
            logMalformedOnce(useForwarded ? "Forwarded" : "X-Forwarded-For");
            return peer;
        }
        List<InetAddress> hops = chain.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusts(hops.get(i))) {
                return hops.get(i).getHostAddress();
            }
        }
        // Every hop is a trusted proxy: the left-most is as close to the client as anyone can tell.
        return hops.isEmpty() ? peer : hops.get(0).getHostAddress();
    }

    private boolean trusts(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private void logMalformedOnce(String header) {
        if (malformedLogged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "a malformed {0} header from a trusted proxy was ignored and the proxy''s own"
                    + " address used as the client''s; further malformed headers are not logged", header);
        }
    }

    /** X-Forwarded-For: addresses separated by commas, across lines; empty when one entry is not an address. */
    private static Optional<List<InetAddress>> addresses(List<String> lines) {
        List<InetAddress> hops = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",", -1)) {
                Optional<InetAddress> address = literal(withoutPort(entry.strip()));
                if (address.isEmpty() || hops.size() == MAX_ENTRIES) {
                    return Optional.empty();
                }
                hops.add(address.get());
            }
        }
        return Optional.of(hops);
    }

    /** RFC 7239: elements separated by commas, pairs by semicolons; the {@code for} of each element, in order. */
    private static Optional<List<InetAddress>> forwardedFor(List<String> lines) {
        List<InetAddress> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                Optional<InetAddress> hop = Optional.empty();
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        hop = literal(withoutPort(unquoted(pair.substring(equals + 1).strip())));
                        if (hop.isEmpty()) {
                            return Optional.empty();
                        }
                    }
                }
                if (hop.isEmpty() || hops.size() == MAX_ENTRIES) {
                    return Optional.empty();
                }
                hops.add(hop.get());
            }
        }
        return Optional.of(hops);
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [2001:db8::1]:4711} and {@code 192.0.2.1:80} lose the port; a bare IPv6 address keeps its colons. */
    private static String withoutPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? value : value.substring(1, close);
        }
        int colon = value.indexOf(':');
        return colon > 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
    }

    /** An IPv4 or IPv6 literal as an address, or empty for anything else; never a name, so nothing is looked up. */
    public static Optional<InetAddress> ipLiteral(String text) {
        return literal(text);
    }

    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(value).matches();
        if (!v4 && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }

    /** One trusted address or CIDR block. */
    private record Block(byte[] network, int prefixLength) {

        static Optional<Block> parse(String text) {
            int slash = text.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(length);
            }
            return Optional.of(new Block(bytes, prefix));
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
