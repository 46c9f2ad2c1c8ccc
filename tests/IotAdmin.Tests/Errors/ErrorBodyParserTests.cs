using System;
using System.Linq;
using System.Text;
using IotAdmin.Errors;
using Xunit;

namespace IotAdmin.Tests.Errors
{
    public class ErrorBodyParserTests
    {
        [Fact]
        public void Reads_dt_shape()
        {
            var b = ErrorBodyParser.Parse("{\"error\":\"already exists\",\"code\":409,\"help\":\"https://docs.d21s.com/error/#409\"}");
            Assert.Equal(ErrorBodyStyle.Dt, b.Style);
            Assert.Equal("already exists", b.Message);
            Assert.Equal("https://docs.d21s.com/error/#409", b.HelpUri);
            Assert.Null(b.Status);
        }

        [Fact]
        public void Reads_google_shape_with_every_detail()
        {
            var b = ErrorBodyParser.Parse(@"{""error"":{""code"":429,""message"":""Quota exceeded"",""status"":""RESOURCE_EXHAUSTED"",""details"":[
                {""@type"":""type.googleapis.com/google.rpc.RetryInfo"",""retryDelay"":""1.5s""},
                {""@type"":""type.googleapis.com/google.rpc.QuotaFailure"",""violations"":[{""subject"":""project:p"",""description"":""device writes per minute""}]},
                {""@type"":""type.googleapis.com/google.rpc.ErrorInfo"",""reason"":""RATE_LIMIT_EXCEEDED"",""domain"":""cloudiot.googleapis.com"",""metadata"":{""a"":""b""}},
                {""@type"":""type.googleapis.com/google.rpc.Help"",""links"":[{""description"":""d"",""url"":""https://cloud.google.com/iot/quotas""}]},
                {""@type"":""type.googleapis.com/google.rpc.PreconditionFailure"",""violations"":[{""type"":""TOS"",""subject"":""s"",""description"":""d""}]},
                {""@type"":""type.googleapis.com/google.rpc.ResourceInfo"",""resourceType"":""device"",""resourceName"":""d1"",""description"":""gone""}
            ],""errors"":[{""domain"":""global"",""reason"":""legacy"",""message"":""m""}]}}");
            Assert.Equal(ErrorBodyStyle.Google, b.Style);
            Assert.Equal(CanonicalStatus.ResourceExhausted, b.Status);
            Assert.Equal(TimeSpan.FromSeconds(1.5), b.RetryDelay);
            Assert.Equal("RATE_LIMIT_EXCEEDED", b.Reason);
            Assert.Equal("cloudiot.googleapis.com", b.Domain);
            Assert.Equal("https://cloud.google.com/iot/quotas", b.HelpUri);
            Assert.Contains(b.Violations, v => v.Contains("device writes per minute"));
            Assert.Contains(b.Violations, v => v.StartsWith("TOS"));
            Assert.Contains(b.Violations, v => v.Contains("device d1"));
        }

        [Fact]
        public void Reads_legacy_errors_array_when_no_details()
        {
            var b = ErrorBodyParser.Parse("{\"error\":{\"code\":403,\"message\":\"denied\",\"errors\":[{\"domain\":\"global\",\"reason\":\"forbidden\",\"message\":\"m\"}]}}");
            Assert.Equal("forbidden", b.Reason);
            Assert.Equal("global", b.Domain);
            Assert.Null(b.Status); // derived from HTTP later
        }

        [Fact]
        public void Reads_bare_rpc_status_by_number()
        {
            var b = ErrorBodyParser.Parse("{\"code\":5,\"message\":\"device not found\",\"details\":[]}");
            Assert.Equal(ErrorBodyStyle.RpcStatus, b.Style);
            Assert.Equal(CanonicalStatus.NotFound, b.Status);
        }

        [Fact]
        public void Reads_protobuf_object_duration()
        {
            var b = ErrorBodyParser.Parse("{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":{\"seconds\":3,\"nanos\":500000000}}]}}");
            Assert.Equal(TimeSpan.FromSeconds(3.5), b.RetryDelay);
        }

        [Fact]
        public void Reads_grpc_gateway_stream_error()
        {
            var b = ErrorBodyParser.Parse("{\"error\":{\"grpcCode\":1,\"httpCode\":408,\"message\":\"closing stream\",\"httpStatus\":\"Request Timeout\",\"details\":[]}}");
            Assert.Equal(ErrorBodyStyle.Google, b.Style);
            Assert.Equal("closing stream", b.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        public void Empty_body_is_empty(string? body)
        {
            var b = ErrorBodyParser.Parse(body);
            Assert.Equal(ErrorBodyStyle.None, b.Style);
            Assert.Null(b.Message);
        }

        [Theory]
        [InlineData("<html><body><h1>502 Bad Gateway</h1>\r\n<p>nginx</p></body></html>", "<html><body><h1>502 Bad Gateway</h1> <p>nginx</p></body></html>")]
        [InlineData("{\"error\": \"truncat", "{\"error\": \"truncat")]
        [InlineData("{not json at all}", "{not json at all}")]
        [InlineData("[1,2,3]", "[1,2,3]")]
        [InlineData("\u0007bell\u0000null", "bell null")]
        public void Non_json_bodies_become_clean_excerpts(string body, string excerpt)
        {
            var b = ErrorBodyParser.Parse(body);
            Assert.Equal(ErrorBodyStyle.None, b.Style);
            Assert.Equal(excerpt, b.RawExcerpt);
        }

        [Fact]
        public void Huge_body_is_bounded()
        {
            var huge = "{\"error\":\"" + new string('x', 10 * 1024 * 1024) + "\",\"code\":500}";
            var b = ErrorBodyParser.Parse(huge);
            Assert.True((b.RawExcerpt ?? b.Message)!.Length <= 1001);
            var e = ErrorClassifier.FromResponse("GET", "/v2/x", 500, huge, null);
            Assert.True(e.Message.Length < 1200, "message length " + e.Message.Length);
        }

        [Fact]
        public void Huge_message_inside_valid_json_is_bounded()
        {
            var b = ErrorBodyParser.Parse("{\"error\":\"" + new string('y', 100_000) + "\",\"code\":500}");
            Assert.Equal(ErrorBodyStyle.Dt, b.Style);
            Assert.Equal(1001, b.Message!.Length); // 1000 + ellipsis
        }

        [Fact]
        public void Deeply_nested_json_does_not_crash()
        {
            var deep = "{\"error\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000) + "}";
            var b = ErrorBodyParser.Parse(deep);
            Assert.Equal(ErrorBodyStyle.None, b.Style);
            Assert.True(b.RawExcerpt!.Length <= 501);
        }

        [Fact]
        public void Control_characters_are_stripped_from_messages()
        {
            var b = ErrorBodyParser.Parse("{\"error\":\"line1\\nline2\\u001b[31mred\",\"code\":400}");
            Assert.Equal("line1 line2 [31mred", b.Message);
        }

        [Fact]
        public void Utf8_bom_is_tolerated()
        {
            var b = ErrorBodyParser.Parse("\uFEFF{\"error\":\"x\",\"code\":400}");
            Assert.Equal(ErrorBodyStyle.Dt, b.Style);
        }

        [Theory]
        [InlineData("9", 9)]
        [InlineData("0", 0)]
        [InlineData("120", 120)]
        public void Retry_after_delta_seconds(string value, int seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.ParseRetryAfter(value, DateTimeOffset.UtcNow));
        }

        [Fact]
        public void Retry_after_http_date()
        {
            var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(30), DurationText.ParseRetryAfter(now.AddSeconds(30).ToString("r"), now));
            Assert.Equal(TimeSpan.Zero, DurationText.ParseRetryAfter(now.AddSeconds(-30).ToString("r"), now));
            Assert.Null(DurationText.ParseRetryAfter("soon", now));
            Assert.Null(DurationText.ParseRetryAfter("-5", now));
        }
    }
}
