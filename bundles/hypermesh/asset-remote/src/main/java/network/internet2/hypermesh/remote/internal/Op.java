package network.internet2.hypermesh.remote.internal;

/** The operations of the remote-asset protocol, with their wire codes. */
enum Op {
    SIZE(1), READ(2), WRITE(3), COMPARE_AND_SWAP(4), FLUSH(5);

    final int code;

    Op(int code) {
        this.code = code;
    }

    static Op of(int code) throws MalformedRequestException {
        for (Op op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new MalformedRequestException("unknown operation code " + code);
    }
}
