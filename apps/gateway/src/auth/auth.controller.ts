import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorView, LoginRequest, TokenView, UserView } from '@rasad/contracts';
import { ApiErrors } from '../http/api-errors.decorator';
import { UsersService } from '../users/users.service';
import { Caller, CurrentCaller, Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('Auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ imports: true })
  @ApiOperation({ summary: 'Exchange a username and password for a short-lived bearer token' })
  @ApiOkResponse({ type: TokenView })
  @ApiResponse({ status: 401, type: ErrorView, description: 'Wrong username or password' })
  @ApiResponse({ status: 429, type: ErrorView, description: 'Too many attempts; see Retry-After' })
  login(@Body() body: LoginRequest) {
    return this.auth.login(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  @ApiErrors()
  me(@CurrentCaller() caller: Caller) {
    return this.users.get(caller.id);
  }
}
