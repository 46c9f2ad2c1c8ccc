using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Errors;
using IotAdmin.Operations;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Cmdlets
{
    /// <summary>What IotCmdlet.Run turns into a terminating error, and what it lets through untouched.</summary>
    public class TerminatingErrorsTests
    {
        [Fact]
        public void A_failed_authentication_ends_the_command_with_the_api_error()
        {
            var failure = ErrorClassifier.FromResponse("POST", "/oauth2/token", 401, "{\"error\":\"invalid_grant\",\"error_description\":\"bad signature\"}", null);

            var error = TerminatingErrors.For(failure, sessionDisposed: false);

            Assert.NotNull(error);
            Assert.Same(failure, error!.Exception);
            Assert.Equal("IotApiUnauthenticated", error.ErrorId);
            Assert.Equal(IotErrorCategory.AuthenticationError, error.Category);
            Assert.True(error.IsTerminating);
        }

        [Fact]
        public void Bad_input_is_an_invalid_argument_naming_the_parameter_once()
        {
            var error = TerminatingErrors.For(new ArgumentException("A label name may not contain ' '.", "Label"), sessionDisposed: false);

            Assert.NotNull(error);
            Assert.Equal("IotInvalidArgument", error!.ErrorId);
            Assert.Equal(IotErrorCategory.InvalidArgument, error.Category);
            Assert.Equal("Label", error.TargetObject);
            Assert.Equal("A label name may not contain ' '.", error.Message); // without .NET's " (Parameter 'Label')"
            Assert.Equal("Fix the value of -Label and run the command again.", error.RecommendedAction);
        }

        [Fact]
        public void Bad_input_without_a_parameter_name_still_says_what_to_do()
        {
            var error = TerminatingErrors.For(new ArgumentOutOfRangeException(null, "Too many ids."), sessionDisposed: false);

            Assert.Equal(IotErrorCategory.InvalidArgument, error!.Category);
            Assert.Null(error.TargetObject);
            Assert.Equal("Too many ids.", error.Message);
            Assert.Equal("Fix the value and run the command again.", error.RecommendedAction);
        }

        [Fact]
        public void A_missing_credentials_file_is_object_not_found_with_the_path_as_target()
        {
            var path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".json");

            var error = TerminatingErrors.For(new FileNotFoundException("The credentials file does not exist.", path), sessionDisposed: false);

            Assert.Equal("IotFileNotFound", error!.ErrorId);
            Assert.Equal(IotErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal(path, error.TargetObject);
        }

        [Fact]
        public async Task A_disconnected_session_ends_the_command_as_not_connected()
        {
            var stub = new StubHandler(TimeProvider.System);
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, options: TestSessions.Unlimited());
            session.Dispose();

            var thrown = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => GetProjectOperation.RunAsync(session, null, null, null, new RecordingOutput(), new IotAdmin.Http.ApiCallContext(new RecordingOutput()), CancellationToken.None));
            var error = TerminatingErrors.For(thrown, sessionDisposed: false);

            Assert.Equal("IotNotConnected", error!.ErrorId);
            Assert.Equal(IotErrorCategory.InvalidOperation, error.Category);
            Assert.True(error.IsTerminating);
        }

        [Fact]
        public void Another_object_disposed_counts_as_not_connected_only_when_the_session_was_disconnected()
        {
            var httpClientGone = new ObjectDisposedException("System.Net.Http.HttpClient");

            Assert.Null(TerminatingErrors.For(httpClientGone, sessionDisposed: false));
            Assert.Equal("IotNotConnected", TerminatingErrors.For(httpClientGone, sessionDisposed: true)!.ErrorId);
        }

        [Theory]
        [InlineData(typeof(InvalidOperationException))]
        [InlineData(typeof(OperationCanceledException))]
        [InlineData(typeof(NullReferenceException))]
        public void Anything_else_propagates_unmapped(Type exceptionType)
        {
            var exception = (Exception)Activator.CreateInstance(exceptionType)!;

            Assert.Null(TerminatingErrors.For(exception, sessionDisposed: true));
        }
    }
}
