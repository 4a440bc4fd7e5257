package se.vagvisaren.routing;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.vagvisaren.admin.RoleCommands;
import se.vagvisaren.conversation.Reply;

/** "gör @Anna till samordnare" and other {@link RoleCommands}; see {@link StepOrder#ROLES}. */
@Component
@Order(StepOrder.ROLES)
@RequiredArgsConstructor
class RoleCommandStep implements RoutingStep {

    private final RoleCommands roleCommands;

    @Override
    public Optional<Routed<List<Reply>>> answer(MessageTurn turn) {
        return roleCommands.parse(turn.message().text()).map(command ->
                new Routed<>("role_command", roleCommands.execute(command, turn.message(), turn.mentioned().get())));
    }
}
