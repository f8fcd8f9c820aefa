import ArchModel
