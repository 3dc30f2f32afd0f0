package network.internet2.hypermesh.asset;

/** No adapter of the asked kind is installed. */
public class UnknownAssetKindException extends AssetException {

    private static final long serialVersionUID = 1L;

    public UnknownAssetKindException(String kind) {
        super("no asset adapter of kind '" + kind + "' is installed");
    }
}
