import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedRequest } from '../auth/auth.decorators';

/**
 * The imports limit is each signed-in officer's: an office sits behind one router, so counting by address made
 * colleagues use up each other's imports. A validate-only run (`?dryRun=true`) writes nothing and is not counted.
 * Runs after AuthGuard (a global guard), so the caller is known.
 */
@Injectable()
export class ImportsThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Pick<AuthenticatedRequest, 'caller'>): Promise<string> {
    const { caller } = request;
    return caller ? `user:${caller.id}` : super.getTracker(request);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return Promise.resolve((request.query as Record<string, unknown> | undefined)?.dryRun === 'true');
  }
}
