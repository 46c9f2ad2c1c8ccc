using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using Polly;
using Polly.CircuitBreaker;

namespace IotAdmin.Resilience
{
    /// <summary>
    /// The circuit breaker of one bulk command run, outside the session's <see cref="RetryStrategy"/>: every whole call
    /// passes through it. When a call has used all its retries and the API still does not answer
    /// (<see cref="ErrorRules.MeansUnreachable"/>), the run opens the circuit; from then on no call is sent
    /// (Polly's <see cref="IsolatedCircuitException"/>) and the run counts its remaining devices as not reached instead
    /// of spending one more retry time limit on each batch. It opens on the first such call, not on a failure ratio:
    /// that call's retries already were the evidence. One run's circuit never affects another command.
    /// </summary>
    internal sealed class ApiCircuit
    {
        private readonly CircuitBreakerManualControl _control = new CircuitBreakerManualControl();
        private readonly CircuitBreakerStateProvider _state = new CircuitBreakerStateProvider();
        private readonly ResiliencePipeline _pipeline;

        public ApiCircuit(TimeProvider time)
        {
            _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    ManualControl = _control,
                    StateProvider = _state,
                    ShouldHandle = _ => new ValueTask<bool>(false), // opened by Open(), with the failure that proved it
                })
                .Build();
        }

        /// <summary>The failure that opened the circuit; null while it is closed.</summary>
        public IotApiException? OpenedBy { get; private set; }

        public bool IsOpen => _state.CircuitState == CircuitState.Isolated;

        /// <summary>Runs one whole call; throws <see cref="IsolatedCircuitException"/> without calling when the circuit is open.</summary>
        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
            _pipeline.ExecuteAsync(ct => new ValueTask<T>(call(ct)), cancellationToken).AsTask();

        /// <summary>Opens the circuit when <paramref name="failure"/> says the API cannot be reached any more; true when it did.</summary>
        public async Task<bool> TripOnAsync(IotApiException failure)
        {
            if (!ErrorRules.MeansUnreachable(failure) || IsOpen) return IsOpen;
            OpenedBy = failure;
            await _control.IsolateAsync().ConfigureAwait(false);
            return true;
        }
    }
}
