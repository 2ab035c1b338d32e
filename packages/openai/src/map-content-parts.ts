import { asArray, asFields, asString, type MessagePart } from "@sightline/core/provider";

/** Maps OpenAI message content (a string or typed parts, chat or Responses style) to semconv parts. */
export function mapContentParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return [{ type: "text", content }];
  return asArray(content).map((part): MessagePart => {
    const fields = asFields(part);
    switch (fields.type) {
      case "text":
      case "input_text":
      case "output_text":
        return { type: "text", content: asString(fields.text) ?? "" };
      case "refusal":
        return { type: "refusal", content: asString(fields.refusal) ?? "" };
      case "image_url":
      case "input_image": {
        const url = asString(asFields(fields.image_url).url) ?? asString(fields.image_url) ?? "";
        return mapUrl(url, "image");
      }
      case "input_audio": {
        const audio = asFields(fields.input_audio);
        return {
          type: "blob",
          modality: "audio",
          mime_type: `audio/${asString(audio.format) ?? "wav"}`,
          content: asString(audio.data) ?? "",
        };
      }
      case "file":
      case "input_file": {
        const file = asFields(fields.file ?? fields);
        return {
          type: "file",
          modality: "document",
          file_id: asString(file.file_id) ?? asString(file.filename) ?? "",
        };
      }
      default:
        return { type: asString(fields.type) ?? "unknown" };
    }
  });
}

function mapUrl(url: string, modality: string): MessagePart {
  const dataUrl = /^data:([^;,]+)?(;base64)?,/.exec(url);
  if (dataUrl)
    return { type: "blob", modality, mime_type: dataUrl[1] ?? null, content: url.slice(dataUrl[0].length) };
  return { type: "uri", modality, uri: url };
}
