import { Component, type ReactNode } from 'react';

interface State {
  error: Error | undefined;
}

/** A page that crashed says so (with a way back) instead of leaving a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error)
      this.setState({ error: undefined });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="status error" role="alert">
        <p>This page hit a bug and could not be shown: {this.state.error.message}</p>
        <p>
          <a href="/">Go to the home page</a> or reload.
        </p>
      </div>
    );
  }
}
