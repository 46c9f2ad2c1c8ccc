using System;
using System.Collections.Generic;
using System.Text.Json;

namespace IotAdmin.Errors
{
    /// <summary>
    /// The one parser for error bodies (error-model.md §1): DT, Google/AIP-193 with details, OAuth2, bare
    /// google.rpc.Status, and anything else. It never throws: unknown shapes, HTML, truncated or huge bodies and
    /// absurd nesting become <see cref="ErrorBodyStyle.None"/> with a short, clean excerpt.
    /// </summary>
    internal static class ErrorBodyParser
    {
        /// <summary>Bodies longer than this are not parsed as JSON (the reader never keeps more than this anyway).</summary>
        public const int MaxParsedLength = 256 * 1024;

        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions { MaxDepth = 32 };

        public static ErrorBody Parse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return ErrorBody.Empty;
            var text = body!.TrimStart('\uFEFF');
            if (text.Length <= MaxParsedLength && LooksLikeJsonObject(text))
            {
                try
                {
                    using var doc = JsonDocument.Parse(text, Options);
                    var parsed = FromJson(doc.RootElement);
                    if (parsed != null) return parsed;
                }
                catch (JsonException)
                {
                    // Not JSON after all (truncated, HTML with a brace, too deep): fall through to the excerpt.
                }
                catch (ArgumentException)
                {
                }
            }

            return new ErrorBody { Style = ErrorBodyStyle.None, RawExcerpt = TextBounds.Clean(text, TextBounds.MaxExcerptLength) };
        }

        /// <summary>
        /// One item's status inside a successful batch answer (batchErrors, transferErrors): a google.rpc.Status whose
        /// code may be a name ("INTERNAL_ERROR") or a number, with the usual details (RetryInfo, BadRequest, …).
        /// </summary>
        internal static ErrorBody ParseItemStatus(JsonElement status)
        {
            if (status.ValueKind != JsonValueKind.Object) return new ErrorBody { Status = CanonicalStatus.Unknown };
            var body = new ErrorBody { Style = ErrorBodyStyle.RpcStatus, Message = TextBounds.Clean(GetString(status, "message")) };
            if (status.TryGetProperty("code", out var code))
            {
                if (code.ValueKind == JsonValueKind.String) body.Status = CanonicalStatus.Normalize(code.GetString());
                else if (code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var rpc)) body.Status = CanonicalStatus.FromRpcCode(rpc);
            }

            body.Status ??= CanonicalStatus.Unknown;
            ReadDetails(status, body);
            return body;
        }

        private static bool LooksLikeJsonObject(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
                return c == '{';
            }

            return false;
        }

        private static ErrorBody? FromJson(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object) return FromGoogle(error);
                if (error.ValueKind == JsonValueKind.String)
                {
                    return root.TryGetProperty("error_description", out _) || IsOAuthErrorCode(error.GetString())
                        ? FromOAuth(root, error.GetString())
                        : FromDt(root, error.GetString());
                }
            }

            if (root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
                && (root.TryGetProperty("message", out _) || root.TryGetProperty("details", out _)))
            {
                return FromRpcStatus(root, code);
            }

            return null;
        }

        private static ErrorBody FromDt(JsonElement root, string? summary) => new ErrorBody
        {
            Style = ErrorBodyStyle.Dt,
            Message = TextBounds.Clean(summary),
            HelpUri = TextBounds.Clean(GetString(root, "help"), 300),
        };

        private static ErrorBody FromOAuth(JsonElement root, string? code) => new ErrorBody
        {
            Style = ErrorBodyStyle.OAuth,
            Status = CanonicalStatus.Unauthenticated,
            Reason = TextBounds.Clean(code, 100),
            Message = TextBounds.Clean(GetString(root, "error_description") ?? code),
            HelpUri = TextBounds.Clean(GetString(root, "error_uri"), 300),
        };

        private static ErrorBody FromRpcStatus(JsonElement root, JsonElement code)
        {
            var body = new ErrorBody { Style = ErrorBodyStyle.RpcStatus, Message = TextBounds.Clean(GetString(root, "message")) };
            if (code.TryGetInt32(out var rpc)) body.Status = CanonicalStatus.FromRpcCode(rpc);
            ReadDetails(root, body);
            return body;
        }

        private static ErrorBody FromGoogle(JsonElement error)
        {
            var body = new ErrorBody
            {
                Style = ErrorBodyStyle.Google,
                Status = CanonicalStatus.Normalize(GetString(error, "status")),
                Message = TextBounds.Clean(GetString(error, "message")),
            };
            ReadDetails(error, body);
            ReadLegacyErrors(error, body);
            return body;
        }

        private static void ReadDetails(JsonElement owner, ErrorBody body)
        {
            if (!owner.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array) return;
            var fields = new List<IotFieldViolation>();
            var violations = new List<string>();
            foreach (var detail in details.EnumerateArray())
            {
                if (detail.ValueKind != JsonValueKind.Object) continue;
                var type = GetString(detail, "@type") ?? string.Empty;
                var kind = type.Substring(type.LastIndexOf('.') + 1);
                switch (kind)
                {
                    case "RetryInfo":
                        body.RetryDelay = ReadDuration(detail, "retryDelay") ?? body.RetryDelay;
                        break;
                    case "BadRequest":
                        foreach (var v in Items(detail, "fieldViolations"))
                            fields.Add(new IotFieldViolation(TextBounds.Clean(GetString(v, "field"), 200) ?? "?", TextBounds.Clean(GetString(v, "description")) ?? string.Empty));
                        break;
                    case "ErrorInfo":
                        body.Reason ??= TextBounds.Clean(GetString(detail, "reason"), 200);
                        body.Domain ??= TextBounds.Clean(GetString(detail, "domain"), 200);
                        break;
                    case "Help":
                        foreach (var link in Items(detail, "links"))
                            body.HelpUri ??= TextBounds.Clean(GetString(link, "url"), 300);
                        break;
                    case "QuotaFailure":
                        foreach (var v in Items(detail, "violations"))
                            AddViolation(violations, "quota", GetString(v, "subject"), GetString(v, "description"));
                        break;
                    case "PreconditionFailure":
                        foreach (var v in Items(detail, "violations"))
                            AddViolation(violations, GetString(v, "type") ?? "precondition", GetString(v, "subject"), GetString(v, "description"));
                        break;
                    case "ResourceInfo":
                        AddViolation(violations, "resource", (GetString(detail, "resourceType") + " " + GetString(detail, "resourceName")).Trim(), GetString(detail, "description"));
                        break;
                }

                if (violations.Count >= 20 || fields.Count >= 50) break;
            }

            if (fields.Count > 0) body.FieldViolations = fields;
            if (violations.Count > 0) body.Violations = violations;
        }

        private static void ReadLegacyErrors(JsonElement error, ErrorBody body)
        {
            foreach (var e in Items(error, "errors"))
            {
                body.Reason ??= TextBounds.Clean(GetString(e, "reason"), 200);
                body.Domain ??= TextBounds.Clean(GetString(e, "domain"), 200);
                body.Message ??= TextBounds.Clean(GetString(e, "message"));
                break;
            }
        }

        private static void AddViolation(List<string> into, string kind, string? subject, string? description)
        {
            var text = TextBounds.Clean(kind + (string.IsNullOrEmpty(subject) ? string.Empty : " " + subject) + (string.IsNullOrEmpty(description) ? string.Empty : ": " + description), 300);
            if (text != null) into.Add(text);
        }

        private static TimeSpan? ReadDuration(JsonElement owner, string name)
        {
            if (!owner.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.String) return DurationText.ParseProtoDuration(value.GetString());
            if (value.ValueKind == JsonValueKind.Object)
            {
                // The protobuf JSON object form {"seconds": 3, "nanos": 500000000}.
                double seconds = 0;
                if (value.TryGetProperty("seconds", out var s) && !TryNumber(s, out seconds)) return null;
                double nanos = 0;
                if (value.TryGetProperty("nanos", out var n)) TryNumber(n, out nanos);
                var total = seconds + (nanos / 1e9);
                return total >= 0 && total < 86400 * 30 ? TimeSpan.FromSeconds(total) : (TimeSpan?)null;
            }

            return null;
        }

        private static bool TryNumber(JsonElement e, out double value)
        {
            if (e.ValueKind == JsonValueKind.Number) return e.TryGetDouble(out value);
            value = 0;
            return e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        private static IEnumerable<JsonElement> Items(JsonElement owner, string name)
        {
            if (!owner.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) yield break;
            foreach (var item in array.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object) yield return item;
        }

        private static string? GetString(JsonElement owner, string name) =>
            owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool IsOAuthErrorCode(string? code)
        {
            switch (code)
            {
                case "invalid_request":
                case "invalid_client":
                case "invalid_grant":
                case "unauthorized_client":
                case "unsupported_grant_type":
                case "invalid_scope":
                    return true;
                default:
                    return false;
            }
        }
    }
}
