import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorView, LoginRequest, RefreshRequest, TokenView, UserView } from '@rasad/contracts';
import { ApiErrors } from '../http/api-errors.decorator';
import { UsersService } from '../users/users.service';
import { Caller, CurrentCaller, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';

@ApiTags('Auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ imports: true, calendar: true })
  @ApiOperation({ summary: 'Exchange a username and password for a short-lived bearer token and a refresh token' })
  @ApiOkResponse({ type: TokenView })
  @ApiResponse({ status: 401, type: ErrorView, description: 'Wrong username or password' })
  @ApiResponse({ status: 429, type: ErrorView, description: 'Too many attempts; see Retry-After' })
  login(@Body() body: LoginRequest) {
    return this.auth.login(body);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token and refresh token; the one sent is spent',
    description: 'A refresh token sent twice ends its whole session: someone else may hold a copy.',
  })
  @ApiOkResponse({ type: TokenView })
  @ApiResponse({ status: 401, type: ErrorView, description: 'Unknown, spent, revoked or expired refresh token' })
  refresh(@Body() { refreshToken }: RefreshRequest) {
    return this.sessions.refresh(refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session the refresh token belongs to' })
  @ApiResponse({ status: 204, description: 'Ended (or already unknown)' })
  async logout(@Body() { refreshToken }: RefreshRequest): Promise<void> {
    await this.sessions.end(refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  @ApiErrors()
  me(@CurrentCaller() caller: Caller) {
    return this.users.get(caller.id);
  }
}
