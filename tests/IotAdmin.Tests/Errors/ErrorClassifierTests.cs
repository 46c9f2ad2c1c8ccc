using System;
using System.Linq;
using IotAdmin.Errors;
using Xunit;
using static IotAdmin.Tests.Errors.ErrorTableRows;

namespace IotAdmin.Tests.Errors
{
    public class ErrorClassifierTests
    {
        [Theory]
        [MemberData(nameof(DtRows), MemberType = typeof(ErrorTableRows))]
        public void Dt_style_body_maps_per_table(Row row)
        {
            var body = "{\"error\":\"" + (row.Message ?? "something failed") + "\",\"code\":" + row.Http + ",\"help\":\"https://docs.d21s.com/error/#" + row.Http + "\"}";
            var e = ErrorClassifier.FromResponse("GET", "/v2/projects/p1", row.Http, body, row.RetryAfterHeader.HasValue ? TimeSpan.FromSeconds(row.RetryAfterHeader.Value) : null);
            AssertRow(row, e);
            Assert.Equal("https://docs.d21s.com/error/#" + row.Http, e.HelpUri);
        }

        [Theory]
        [MemberData(nameof(GoogleRows), MemberType = typeof(ErrorTableRows))]
        public void Google_style_body_maps_per_table(Row row)
        {
            var details = row.RetryAfterHeader.HasValue
                ? "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + row.RetryAfterHeader + "s\"}]"
                : "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"R\",\"domain\":\"cloudiot.googleapis.com\"}]";
            var body = "{\"error\":{\"code\":" + row.Http + ",\"message\":\"" + (row.Message ?? "failed") + "\",\"status\":\"" + row.Status + "\",\"details\":" + details + "}}";
            var e = ErrorClassifier.FromResponse("GET", "/v1/projects/p/locations/l/registries/r", row.Http, body, null);
            AssertRow(row, e);
        }

        [Fact]
        public void Every_canonical_status_has_a_rule_and_a_distinct_error_id()
        {
            var ids = ErrorRules.All.Select(r => r.ErrorId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ErrorRules.All, r => Assert.NotEqual(IotErrorCategory.NotSpecified, r.Category));
            Assert.Equal("IotApiNotFound", ErrorRules.For(CanonicalStatus.NotFound).ErrorId);
            Assert.Equal("IotApiResourceExhausted", ErrorRules.For(CanonicalStatus.ResourceExhausted).ErrorId);
        }

        [Fact]
        public void Retry_after_and_retry_info_take_the_larger_wait()
        {
            var body = "{\"error\":{\"code\":429,\"message\":\"slow down\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"12.5s\"}]}}";
            var e = ErrorClassifier.FromResponse("GET", "/v2/x", 429, body, TimeSpan.FromSeconds(4));
            Assert.True(e.IsRetryable);
            Assert.Equal(TimeSpan.FromSeconds(12.5), e.RetryAfter);
            Assert.Equal("Retry after 12.5 s", e.RecommendedAction);
        }

        [Fact]
        public void Server_hint_is_a_floor_for_504()
        {
            var e = ErrorClassifier.FromResponse("GET", "/v2/x", 504, null, TimeSpan.FromSeconds(2));
            Assert.Equal(TimeSpan.FromSeconds(10), e.RetryAfter);
        }

        [Fact]
        public void Not_found_is_worded_by_the_table_alone_whatever_the_path()
        {
            // What a 404 names is the caller's knowledge (DtBackend.TransferAsync says "destination project"; see
            // ErrorModelEndToEndTests.Transfer_to_a_missing_project_names_the_project), never parsed out of a path here.
            var e = ErrorClassifier.FromResponse("POST", "/v2/projects/dest42/devices:transfer", 404, "{\"error\":\"not found\",\"code\":404,\"help\":\"h\"}", null);
            Assert.Equal(IotErrorCategory.ObjectNotFound, e.Category);
            Assert.Equal("Do not retry: " + ErrorRules.For(CanonicalStatus.NotFound).Action, e.RecommendedAction);
            var named = ErrorClassifier.WithDoNotRetryAction(e, "the destination project 'dest42' was not found");
            Assert.Equal("Do not retry: the destination project 'dest42' was not found", named.RecommendedAction);
            Assert.Equal(e.StatusCode, named.StatusCode);
            Assert.Equal(e.HelpUri, named.HelpUri);
        }

        [Fact]
        public void Bad_request_hint_names_the_field()
        {
            var body = "{\"error\":{\"code\":400,\"message\":\"Invalid value\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":\"labels\",\"description\":\"too many\"}]}]}}";
            var e = ErrorClassifier.FromResponse("POST", "/v2/projects/p/devices:batchUpdate", 400, body, null);
            Assert.Equal("Do not retry: fix the argument 'labels'", e.RecommendedAction);
            Assert.Equal("labels", Assert.Single(e.FieldViolations).Field);
            Assert.Contains("labels: too many", e.Message);
        }

        [Fact]
        public void Oauth_error_is_an_authentication_failure()
        {
            var e = ErrorClassifier.FromResponse("POST", "/oauth2/token", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad signature\"}", null);
            Assert.Equal(IotErrorCategory.AuthenticationError, e.Category);
            Assert.Equal("invalid_grant", e.Reason);
            Assert.Equal("bad signature", e.ServerMessage);
            Assert.False(e.IsRetryable);
        }

        [Fact]
        public void No_answer_and_client_timeout_map_to_connection_and_timeout()
        {
            var refused = ErrorClassifier.FromNoAnswer("GET", "/v2/projects", new System.Net.Http.HttpRequestException("Connection refused"), clientTimeout: false);
            Assert.Equal(IotErrorCategory.ConnectionError, refused.Category);
            Assert.True(refused.IsRetryable);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
            Assert.Null(refused.StatusCode);
            var timeout = ErrorClassifier.FromNoAnswer("GET", "/v2/projects", new OperationCanceledException(), clientTimeout: true);
            Assert.Equal(IotErrorCategory.OperationTimeout, timeout.Category);
            Assert.Equal(TimeSpan.FromSeconds(10), timeout.RetryAfter);
        }

        [Fact]
        public void Unparseable_success_is_a_protocol_error()
        {
            var e = ErrorClassifier.InvalidResponse("GET", "/v2/projects", 200, "<html>proxy</html>", null);
            Assert.Equal(IotErrorCategory.ProtocolError, e.Category);
            Assert.False(e.IsRetryable);
            Assert.Contains("<html>proxy</html>", e.Message);
        }

        [Fact]
        public void Message_reads_well()
        {
            var e = ErrorClassifier.FromResponse("GET", "/v2/projects/p1/devices/d1", 404, "{\"error\":\"device not found\",\"code\":404,\"help\":\"h\"}", null);
            Assert.Equal("GET /v2/projects/p1/devices/d1 failed with HTTP 404 NOT_FOUND: device not found. Do not retry: check the id (a resource created a moment ago can take about a second to appear).", e.Message);
        }

        private static void AssertRow(Row row, IotApiException e)
        {
            Assert.Equal(row.Http, e.StatusCode);
            Assert.Equal(row.Status, e.Status);
            Assert.Equal(row.Category, e.Category);
            Assert.Equal(row.Retryable, e.IsRetryable);
            Assert.Equal(row.MinimumWaitSeconds.HasValue ? TimeSpan.FromSeconds(row.MinimumWaitSeconds.Value) : (TimeSpan?)null, e.RetryAfter);
            Assert.Equal("IotApi" + string.Concat(row.Status.Split('_').Select(p => p[0] + p.Substring(1).ToLowerInvariant())), e.ErrorId);
            if (row.Retryable) Assert.StartsWith("Retry after", e.RecommendedAction.Replace("Read the resource again, re-apply the change and retry after", "Retry after"));
            else Assert.StartsWith("Do not retry: ", e.RecommendedAction);
        }
    }
}
