import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddPassengersMessage,
  CallerScope,
  ListManifestMessage,
  RemovePassengerMessage,
  TransportSubjects,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { ManifestsService } from './manifests.service';

@Controller()
export class ManifestsController {
  constructor(private readonly manifests: ManifestsService) {}

  @MessagePattern(TransportSubjects.manifestAdd)
  add(@Payload() message: AddPassengersMessage, @Scope() scope: CallerScope) {
    return this.manifests.add(message, scope);
  }

  @MessagePattern(TransportSubjects.manifestRemove)
  remove(@Payload() message: RemovePassengerMessage, @Scope() scope: CallerScope) {
    return this.manifests.remove(message, scope);
  }

  @MessagePattern(TransportSubjects.manifestList)
  list(@Payload() query: ListManifestMessage, @Scope() scope: CallerScope) {
    return this.manifests.list(query, scope);
  }
}
