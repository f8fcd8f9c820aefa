import TerminalUI
import CNCurses
