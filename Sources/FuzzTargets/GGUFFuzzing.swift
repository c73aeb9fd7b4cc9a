import GGUF
import Inference
import Tokenization

/// Fuzzing of the GGUF reader and everything that reads a model file's metadata: the header and metadata parser,
/// typed metadata access, the tensor directory and tensor data bounds, the model configuration, the weight binding,
/// the tokenizer built from `tokenizer.ggml.*` and the embedded chat template.
enum GGUFFuzzing {
    static let target = FuzzTarget(
        name: "gguf",
        summary: "GGUF header, metadata, tensor directory, configuration, weights, tokenizer and chat template",
        seedDirectories: [], maxInputLength: 16_384, body: run)

    static func run(_ input: [UInt8]) throws {
        let name = "gguf"
        guard let file = try? GGUFFile(bytes: input, name: "fuzz.gguf") else { return }
        try FuzzViolation.require(file.metadataKeys.count == file.metadata.count, name,
                                  "\(file.metadataKeys.count) metadata keys but \(file.metadata.count) values")
        // A file cut inside the padding after the tensor directory opens (its metadata is readable), but its
        // tensor data starts past the end, so it must not claim complete tensor data.
        try FuzzViolation.require(file.dataOffset <= file.fileSize || file.tensors.isEmpty || !file.hasCompleteTensorData,
                                  name, "data offset \(file.dataOffset) past the end (\(file.fileSize)) but the "
                                      + "tensor data is reported complete")
        for key in file.metadataKeys {
            guard let value = file.metadata[key] else { throw FuzzViolation(name, "key \(key) listed without a value") }
            _ = value.typeName
            _ = value.intValue
            _ = try? file.string(key)
            _ = try? file.integer(key)
            _ = try? file.float(key)
            _ = try? file.bool(key)
            _ = try? file.strings(key)
            _ = try? file.integers(key)
            _ = try? file.floats(key)
        }
        _ = file.hasCompleteTensorData
        try file.withUnsafeBytes { image in
            for tensor in file.tensors {
                _ = tensor.description
                try FuzzViolation.require(file.tensor(named: tensor.name) != nil, name,
                                          "tensor \(tensor.name) is listed but not found by name")
                guard let data = try? file.tensorData(tensor) else { continue }
                try FuzzViolation.require(data.count == tensor.byteCount, name,
                                          "tensor \(tensor.name): \(data.count) bytes returned, \(tensor.byteCount) expected")
                guard data.count > 0, let base = image.baseAddress, let start = data.baseAddress else { continue }
                let lower = start - base
                try FuzzViolation.require(lower >= 0 && lower + data.count <= image.count, name,
                                          "tensor \(tensor.name) data [\(lower), +\(data.count)) outside the file")
                _ = data[0] &+ data[data.count - 1]
            }
        }
        if let configuration = try? TransformerConfiguration(gguf: file) {
            _ = try? TransformerWeights(file: file, configuration: configuration)
        }
        if let vocabulary = try? Vocabulary(gguf: file), let tokenizer = try? BPETokenizer(vocabulary: vocabulary) {
            let ids = tokenizer.encode("Cough -> Fever\n<|im_start|>user é 42", addSpecial: true, parseSpecial: true)
            try FuzzViolation.require(ids.allSatisfy { $0 >= 0 && $0 < vocabulary.count }, name,
                                      "the tokenizer produced an id outside its vocabulary of \(vocabulary.count)")
            _ = tokenizer.decode(ids, showSpecial: true)
        }
        if let source = try? file.string("tokenizer.chat_template"),
           let template = try? ChatTemplate(source: source, limits: ChatTemplateFuzzing.limits) {
            _ = try? ChatTemplateFuzzing.render(template)
        }
    }
}
